"""Figures: turn the registry of the report's figures into charts and their data.

`registry` says which question each figure shows and how, `charts` draws a
figure's distribution in house style (SVG, PNG, alt text), and `data` writes the
numbers behind every chart to figuurdata.xlsx for the ministry's analysts.
"""
