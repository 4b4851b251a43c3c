"""Turn the document model into markup for a screen, where it differs from paper.

The walk over the model is the PDF's (report.write.pdf.html.HtmlMarkup);
on a screen a footnote is a numbered link to a list at the end of its
chapter, with a link back, and a figure carries its numbers as a table,
since a chart image is no help to someone who cannot see it.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from report.document import Figure, Footnote, Section
from report.write.pdf.html import HtmlMarkup, anchor, environment


def web_macros():
    return environment().get_template("web-blocks.html.j2").module


class WebMarkup(HtmlMarkup):
    """The web edition's markup; `figure_src` names the image of a figure (a file, a URL),
    `data_src` its numbers as CSV (the edition has them, the preview not).

    Every table has a caption: a screen reader lists a page's tables by it, and
    the annex holds one table of each kind per pilot, so the factsheets' name
    their pilot (shown to sight only by the heading above, hence hidden there).
    """

    table_captions = True

    def __init__(self, figure_src: Callable[[Figure], str], data_src: Callable[[Figure], str] | None = None):
        self.figure_src = figure_src
        self.data_src = data_src
        self._notes: list[tuple[int, str, Markup]] = []

    def section(self, section: Section) -> Markup:
        if section.level != 1:
            return super().section(section)
        first = len(self._notes)
        markup = super().section(section)
        notes = self._notes[first:]
        if not notes:
            return markup
        closing = markup.rstrip().rindex("</section>")
        return Markup(markup[:closing] + web_macros().footnote_list(notes) + markup[closing:])

    def footnote(self, footnote: Footnote) -> Markup:
        id = f"voetnoot-{footnote.number}"        # numbered through the whole document by compose
        self._notes.append((footnote.number, id, self.run(footnote.content)))
        return web_macros().footnote_call(footnote.number, id)

    def figure(self, figure: Figure) -> Markup:
        return web_macros().figure(figure, anchor("fig", figure.key), self.figure_src(figure),
                                   self.data_src and self.data_src(figure))
