"""Show the report in a browser while it is written, updated on every save (`make_report.py voorbeeld`).

The live page and its watcher are in report.preview.live, the command in
report.preview.commands. This face imports nothing, so registering the
command does not load the server, watchfiles or the HTML writer.
"""
