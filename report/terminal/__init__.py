"""Terminal: turn problems and distributions into the Dutch text a consultant reads in a shell.

`problems` groups a run's problems per file for `check`, `stats` and `build`;
`stats` aligns the distributions that `stats` prints; `click_nl` makes click's
own usage lines and errors Dutch.
"""
