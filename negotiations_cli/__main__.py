from negotiations_cli.cli import main

main()
