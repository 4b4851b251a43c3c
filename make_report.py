#!/usr/bin/env python3
"""Entry point: `python make_report.py --help` lists the commands."""

from report.cli import main

if __name__ == "__main__":
    main()
