"""Builds the Word fixtures of corpus/docx/ the way Word writes them: automatic numbering
(numbers are NOT in the text; they come from numbering.xml through the heading and clause
styles and from direct numPr), a bullet style, a lettered level, a footnote, a header and a
footer, justified text with automatic hyphenation, and a version table. `tracked.docx` also
holds tracked changes (a replacement, a deletion, an inserted clause that renumbers the ones
after it). The wording is this project's own.

Run from the repository root: python3 corpus/docx/make_fixtures.py
The files are deterministic (fixed ZIP times), so running it again changes nothing.
"""
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
AUTHOR = 'w:author="Deputy Monitoring Officer" w:date="2025-02-03T09:00:00Z"'
rev = [100]


def rid():
    rev[0] += 1
    return rev[0]


def t(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def ins(text):
    return '<w:ins w:id="%d" %s><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:ins>' % (rid(), AUTHOR, escape(text))


def dele(text):
    return '<w:del w:id="%d" %s><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>' % (rid(), AUTHOR, escape(text))


def p(style, *runs, num=None, mark=None):
    ppr = '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0])
    if mark == "ins":
        ppr += '<w:rPr><w:ins w:id="%d" %s/></w:rPr>' % (rid(), AUTHOR)
    body = "".join(r if r.startswith("<") else t(r) for r in runs)
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (ppr, body)


def note(i):
    return '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>' % i


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="1200"/><w:gridCol w:w="5800"/></w:tblGrid>']
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            out.append('<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>%s</w:tc>' % p("Normal", cell))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def lvl(i, fmt, text, left, hanging=567, start=1):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>') % (i, start, fmt, text, left, hanging)


NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>' % W
    # The protocol's outline list: headings 1., clauses 1.1, sub-clauses 1.1.1, items (a), (i).
    + '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    + lvl(0, "decimal", "%1.", 567).replace('<w:lvlJc', '<w:pStyle w:val="Heading1"/><w:lvlJc')
    + lvl(1, "decimal", "%1.%2", 851, 851).replace('<w:lvlJc', '<w:pStyle w:val="ClauseText"/><w:lvlJc')
    + lvl(2, "decimal", "%1.%2.%3", 1701, 850)
    + lvl(3, "lowerLetter", "(%4)", 2268)
    + lvl(4, "lowerRoman", "(%5)", 2835)
    + "</w:abstractNum>"
    # Bullets, linked to the List Bullet style.
    + '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    + lvl(0, "bullet", "\uf0b7", 1418).replace("</w:pPr>", '</w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>')
    + lvl(1, "bullet", "o", 2138)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    # A second instance of the outline list that restarts its lettered level: Word writes these
    # when a user chooses "Restart at (a)".
    + '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="3"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    + "</w:numbering>")

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>' % W
    + '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif"/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
    + '<w:pPrDefault><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="ClauseText"/>'
    + '<w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="240"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:customStyle="1" w:styleId="ClauseText"><w:name w:val="Clause Text"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    + '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>'
    + "</w:styles>")

SETTINGS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings %s><w:autoHyphenation/><w:consecutiveHyphenLimit w:val="0"/>'
            '<w:hyphenationZone w:val="227"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>') % W

HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s>' % W
          + p("Header", "Brackenfield Town Council \u2013 Protocol on Councillor and Officer Relations") + "</w:hdr>")
FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s>' % W
          + '<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>' + t("Page ")
          + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>' + t(" of ")
          + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>')

FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s>' % W
    + '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    + '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    + '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    + t(" The Localism Act 2011, section 27, requires every relevant authority to promote and maintain high standards of conduct.")
    + "</w:p></w:footnote></w:footnotes>")


def body(tracked):
    H = lambda text: p("Heading1", text)  # numbered through the style
    C = lambda *runs, **kw: p("ClauseText", *runs, **kw)  # numbered through the style, level 1
    out = [
        p("Title", "Protocol on Councillor and Officer Relations"),
        p("Normal", "Brackenfield Town Council"),
        p("Normal", "Adopted by the Council on 12 March 2025"),
        table([["Date", "Version", "Note"],
               ["2019-06-04", "1.0", "First protocol, adopted by Council"],
               ["2025-03-12", "2.0", "Reviewed and adopted by Council"]]),
        H("Introduction"),
        C("This protocol guides the working relationship between the councillors and the officers of Brackenfield Town Council, so that both can serve the community with confidence and mutual respect.", note(1)),
        C("It applies to every councillor, including co-opted councillors, and to every officer employed by the council, whether directly or through an agency."),
        H("Roles and Responsibilities"),
        C("Councillors are responsible for:"),
        p("ListBullet", "setting the strategic direction and policies of the council;"),
        p("ListBullet", "representing the interests of their ward and its residents;"),
        p("ListBullet", "monitoring and scrutinising the performance of council services."),
        C("Officers are responsible for giving impartial, professional advice and for carrying out the lawful decisions of the council. The Town Clerk is the head of paid service and the proper officer of the council."),
        p("Normal", "The Town Clerk will in particular:", num=(1, 2)),
        p("Normal", "manage the staff of the council and allocate their work;", num=(1, 3)),
    ]
    if tracked:
        # An item inserted under tracked changes: the ones after it are relabelled.
        out += [p("Normal", ins("act as the council's data protection contact;"), num=(1, 3), mark="ins")]
    out += [
        p("Normal", "advise the council on the lawfulness of proposed decisions;", num=(1, 3)),
        p("Normal", "keep the records of the council in good order.", num=(1, 3)),
        p("Normal", "The Responsible Financial Officer keeps the accounts and advises on financial matters, in consultation with the Town Clerk where the interests of the council require it.", num=(1, 2)),
        H("Access to Information"),
        C("A councillor may see any document held by the council that they reasonably need in order to carry out their duties as a councillor. Requests are made to the Town Clerk, who decides any dispute about a councillor\u2019s need to know in consultation with the Monitoring Officer of the principal council."),
        C("Confidential information given to a councillor must not be disclosed to anyone who is not entitled to it. This includes information about individual members of staff and information that is commercially sensitive."),
        H("Complaints"),
    ]
    if tracked:
        out += [
            C("If an officer considers that a councillor has not treated them with respect, the officer should raise the matter with the ", dele("Monitoring Officer"), ins("Town Clerk"), ", who will deal with it in confidence."),
            C(ins("A complaint about the conduct of the Town Clerk is made to the Chair of the council."), mark="ins"),
            C("A councillor with a concern about the work of an officer should raise it with the Town Clerk", dele(" informally or formally"), " and must not criticise the officer in public."),
        ]
    else:
        out += [
            C("If an officer considers that a councillor has not treated them with respect, the officer should raise the matter with the Town Clerk, who will deal with it in confidence. The Town Clerk may, where the matter is serious, refer it to the Monitoring Officer of the principal council."),
            C("A councillor with a concern about the work of an officer should raise it with the Town Clerk and must not criticise the officer in public. The Town Clerk will consider the concern under the council\u2019s procedures and will tell the councillor the outcome:"),
            p("Normal", "within ten working days of receiving it; or", num=(3, 3)),
            p("Normal", "where the matter needs investigation, as soon as the investigation ends.", num=(3, 3)),
            p("Heading2", "Review"),
            C("The Council will review this protocol every four years, or sooner if the law changes."),
        ]
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1418" w:bottom="1701" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s%s</w:body></w:document>' % (W, "".join(out), sect)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Protocol on Councillor and Officer Relations</dc:title><dc:creator>Brackenfield Town Council</dc:creator></cp:coreProperties>"""


def write(path, tracked):
    rev[0] = 100
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("docProps/core.xml", CORE),
        ("word/document.xml", body(tracked)), ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING), ("word/settings.xml", SETTINGS),
        ("word/footnotes.xml", FOOTNOTES), ("word/header1.xml", HEADER), ("word/footer1.xml", FOOTER),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


if __name__ == "__main__":
    write("corpus/docx/brackenfield.docx", tracked=False)
    write("corpus/docx/brackenfield-tracked.docx", tracked=True)
