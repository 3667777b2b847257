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



# ---------------------------------------------------------------------------------------------
# The shapes other producers write (issue 17). Each fixture is small and holds one shape, except
# fernhill.docx, a protocol that holds them together. The files are as Word writes them unless
# the comment says otherwise.

# Every namespace a Word 2010+ document declares on its root, so that text boxes, content
# controls and markup compatibility are well-formed.
W_ALL = (W + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
         ' xmlns:o="urn:schemas-microsoft-com:office:office"'
         ' xmlns:v="urn:schemas-microsoft-com:vml"'
         ' xmlns:w10="urn:schemas-microsoft-com:office:word"'
         ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
         ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
         ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
         ' xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
         ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
         ' xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
         ' mc:Ignorable="w14 w15"')
shape_id = [0]


def para(text, style="Normal", num=None):
    """A paragraph whose runs are `text` (a string) or a list of run XML and strings."""
    runs = text if isinstance(text, list) else [text]
    return p(style, *runs, num=num)


def box_anchor(paras, descr="a box"):
    """A text box as Word 2010+ writes it: a DrawingML shape (wps) in mc:Choice and the same
    text again as a VML shape in mc:Fallback, for older readers. A reader must take one."""
    shape_id[0] += 1
    n = shape_id[0]
    inner = "".join(paras)
    choice = (
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0" relativeHeight="%d" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2360930" cy="1404620"/><wp:effectExtent l="0" t="0" r="22860" b="11430"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="%d" name="Text Box %d" descr="%s"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"><a:spLocks noChangeArrowheads="1"/></wps:cNvSpPr>'
        '<wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="2360930" cy="1404620"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="F2F2F2"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:miter lim="800000"/></a:ln></wps:spPr>'
        '<wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:spAutoFit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>') % (251659264 + n, n, n, escape(descr), inner)
    fallback = (
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="Text Box %d" o:spid="_x0000_s%d" type="#_x0000_t202" alt="%s" style="position:absolute;margin-left:134.7pt;margin-top:0;width:185.9pt;height:110.6pt;z-index:%d;visibility:visible;mso-wrap-style:square" fillcolor="#f2f2f2">'
        '<v:textbox style="mso-fit-shape-to-text:t"><w:txbxContent>%s</w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict></mc:Fallback>') % (n, 1025 + n, escape(descr), 251659264 + n, inner)
    return "<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent>%s%s</mc:AlternateContent></w:r>" % (choice, fallback)


def vml_box(paras):
    """A text box as Word 2003 wrote it (and as old templates still carry it): VML only."""
    shape_id[0] += 1
    return ('<w:r><w:pict><v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:300pt;margin-top:0;width:150pt;height:48pt;z-index:1;mso-position-horizontal-relative:margin" fillcolor="#f2f2f2">'
            '<v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></w:r>') % (1025 + shape_id[0], "".join(paras))


def group_of_boxes(first, second):
    """Two text boxes grouped (a wpg group), as a diagram of two labelled boxes is drawn."""
    shape_id[0] += 1
    n = shape_id[0]

    def wsp(paras, x):
        return ('<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="%d" y="0"/><a:ext cx="1800000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
                '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
                '<wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>') % (x, "".join(paras))
    return ('<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="3800000" cy="500000"/><wp:docPr id="%d" name="Group %d"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp><wpg:cNvGrpSpPr/>'
            '<wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3800000" cy="500000"/><a:chOff x="0" y="0"/><a:chExt cx="3800000" cy="500000"/></a:xfrm></wpg:grpSpPr>%s%s</wpg:wgp></a:graphicData></a:graphic>'
            '</wp:inline></w:drawing></w:r>') % (n, n, wsp(first, 0), wsp(second, 2000000))


def sdt_run(text, kind="text", alias=None, items=(), date=None, placeholder=False):
    """A content control inside a paragraph: plain text, a date picker, a drop-down list or a
    combo box. `text` is what it shows (the chosen value)."""
    pr = '<w:id w:val="%d"/>' % (700000 + rid())
    if alias:
        pr = '<w:alias w:val="%s"/><w:tag w:val="%s"/>' % (escape(alias), escape(alias.lower().replace(" ", "-"))) + pr
    if placeholder:
        pr += '<w:showingPlcHdr/>'
    if kind == "text":
        pr += "<w:text/>"
    elif kind == "date":
        pr += ('<w:date w:fullDate="%sT00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/><w:lid w:val="en-GB"/>'
               '<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>') % date
    elif kind in ("dropDownList", "comboBox"):
        pr += '<w:%s w:lastValue="%s">%s</w:%s>' % (kind, escape(text), "".join(
            '<w:listItem w:displayText="%s" w:value="%s"/>' % (escape(i), escape(i)) for i in items), kind)
    rpr = '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>' if placeholder else ""
    return '<w:sdt><w:sdtPr>%s</w:sdtPr><w:sdtEndPr/><w:sdtContent><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:sdtContent></w:sdt>' % (pr, rpr, escape(text))


def sdt_block(inner, alias):
    """A content control around whole paragraphs, rows or cells (rich text, a repeating section)."""
    return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:id w:val="%d"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
            % (escape(alias), 700000 + rid(), inner))


def checkbox(checked):
    return ('<w:sdt><w:sdtPr><w:id w:val="%d"/><w14:checkbox><w14:checked w14:val="%d"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>'
            % (700000 + rid(), 1 if checked else 0, "\u2612" if checked else "\u2610"))


def cell(content, width=4500):
    return '<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>' % (width, content)


def tbl(rows, cols=2):
    grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // cols) for _ in range(cols))
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
            % (grid, "".join(rows)))


def row(*cells):
    return "<w:tr>%s</w:tr>" % "".join(cells)


def document_xml(paras, root_ns=W_ALL):
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s%s</w:body></w:document>' % (root_ns, "".join(paras), sect)


def core(title):
    t = "<dc:title>%s</dc:title>" % escape(title) if title else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">%s</cp:coreProperties>' % t)


def package(path, document, main="word/document.xml", title=None, with_numbering=True, rel_prefix="", extra=(),
            styles=None, numbering=None):
    """Writes a package whose main part is `main`, found through `_rels/.rels` as a reader must
    find it, with styles and numbering beside it (named by the main part's relationships).
    `rel_prefix` "/" writes the package relationship's target as an absolute part name."""
    folder, name = main.rsplit("/", 1)
    overrides = [
        ("/" + main, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("/%s/styles.xml" % folder, "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ]
    doc_rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    parts = [("docProps/core.xml", core(title)), (main, document), ("%s/styles.xml" % folder, styles or STYLES)]
    if with_numbering:
        overrides.append(("/%s/numbering.xml" % folder, "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"))
        doc_rels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
        parts.append(("%s/numbering.xml" % folder, numbering or NUMBERING))
    for part_name, content_type, rel_type, data in extra:
        overrides.append(("/%s/%s" % (folder, part_name), content_type))
        doc_rels.append('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (len(doc_rels) + 1, rel_type, part_name))
        parts.append(("%s/%s" % (folder, part_name), data))
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>%s</Types>'
             % "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s%s"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
            % (rel_prefix, main))
    main_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
                 % "".join(doc_rels))
    parts = [("[Content_Types].xml", types), ("_rels/.rels", rels)] + parts + [("%s/_rels/%s.rels" % (folder, name), main_rels)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part_name, data in parts:
            info = zipfile.ZipInfo(part_name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


H = lambda text: p("Heading1", text)
C = lambda *runs: p("ClauseText", *runs)


def main_part_renamed(path):
    """A package whose main part is not word/document.xml: Word names it whatever
    `_rels/.rels` says (here word/document2.xml, as Office writes after some conversions)."""
    rev[0] = 100
    body = [
        p("Title", "Protocol on Officer Support to Committees"),
        H("Purpose"),
        C("Officers support the committees of the council by preparing agendas, reports and minutes."),
        C("Committee chairs agree the agenda with the lead officer at least ten working days before each meeting."),
        H("Reports"),
        C("A report states the decision sought, the options considered and the advice of the statutory officers."),
    ]
    package(path, document_xml(body), main="word/document2.xml", title="Protocol on Officer Support to Committees", rel_prefix="/")


# The call-out box of fernhill.docx: 46 words.
KEY_CONTACTS = [
    "Key contacts",
    "The Monitoring Officer advises members on conduct, interests and this protocol.",
    "The Head of Democratic Services arranges training, briefings and committee support.",
    "The Chief Executive, as head of paid service, answers for the conduct of staff and for the management of the whole council.",
]


def text_boxes(path):
    """Text boxes every way Word and LibreOffice write them: a DrawingML box with its VML
    fallback anchored in an empty paragraph, a VML-only box anchored inside a clause's text, a
    group of two boxes, and a box inside a table cell."""
    rev[0] = 100
    shape_id[0] = 0
    body = [
        p("Title", "Protocol on Site Visits"),
        H("Arranging visits"),
        C("Members who wish to visit a site arrange the visit through the planning officer."),
        para([box_anchor([para(t) for t in ["Before you go", "Read the officer report and check the access arrangements with the site owner."]], descr="Call-out box")]),
        C("A member on a visit does not discuss the merits of an application with the applicant.", vml_box([para("Visits are fact-finding only; no decision is taken on site.")])),
        H("Recording visits"),
        C("The planning officer keeps a note of who attended each visit."),
        para([group_of_boxes([para("Request received")], [para("Visit confirmed in writing")])]),
        tbl([row(cell(para("Attendance note")), cell(para([t("Signed by the officer "), box_anchor([para("Keep the note with the planning file.")], descr="Reminder")])))]),
    ]
    package(path, document_xml(body), title="Protocol on Site Visits")


def content_controls(path):
    """Content controls as council templates use them: plain text, a date picker, a drop-down
    list and a combo box inside paragraphs; a rich text control around paragraphs; a repeating
    section around table rows and a control around a cell; a check box; a placeholder."""
    rev[0] = 100
    body = [
        p("Title", "Protocol on Gifts and Hospitality"),
        para([sdt_run("Marshgate Borough Council", alias="Council name")]),
        para([t("Adopted by the Council on "), sdt_run("3 June 2024", kind="date", alias="Adoption date", date="2024-06-03")]),
        H("Registering gifts"),
        C("A member registers any gift worth more than ", sdt_run("fifty pounds", kind="comboBox", alias="Threshold", items=["twenty-five pounds", "fifty pounds"]), " within twenty-eight days of receiving it."),
        C("The register is kept by the ", sdt_run("Monitoring Officer", kind="dropDownList", alias="Keeper", items=["Chief Executive", "Monitoring Officer", "Democratic Services Manager"]), " and published on the council website."),
        sdt_block(C("Officers declare gifts to their line manager, who records them in the service register.")
                  + C("A gift that could be seen as a reward for a decision is refused politely."), "Officer gifts"),
        H("Recording"),
        C("Each entry in the register gives the following:"),
        tbl([row(cell(para("Entry")), cell(para("Example")))]
            + [sdt_block(sdt_block(row(cell(para("Donor")), cell(para([sdt_run("Harbour Trust", alias="Donor")]))), "Item")
                         + sdt_block(row(cell(para("Value")), cell(para("Forty pounds"))), "Item"), "Rows")]
            + [row(cell(para("Date")), sdt_block(cell(para("Received on the day of the opening")), "Cell"))]),
        para([checkbox(True), t(" The register was checked at the last review.")]),
        para([t("Next review: "), sdt_run("Click or tap to enter a date.", kind="date", date="2000-01-01", placeholder=True)]),
    ]
    package(path, document_xml(body), title="Protocol on Gifts and Hospitality")


def repeated_paragraphs(path):
    """A short document whose body paragraphs repeat: body text, not running headers (those are
    separate parts of a Word file)."""
    rev[0] = 100
    body = [para("Salt and Pepper"), para("Pepper and Salt"), para("Salt and Pepper"), para("Pepper and Salt")]
    package(path, document_xml(body), with_numbering=False)


def table_first(path):
    """A cover table before the first heading: one cell of several short paragraphs, then a
    two-column table of document details. Neither is the title."""
    rev[0] = 100
    body = [
        tbl([row(cell("".join(para(x) for x in ["Oakridge Parish Council", "Standing document 4", "Issued by the Clerk"]), 9000))], cols=1),
        tbl([row(cell(para("Owner")), cell(para("Parish Clerk"))), row(cell(para("Status")), cell(para("Approved")))]),
        H("Introduction"),
        C("This document explains how the councillors and the Clerk share the work of the parish council."),
        H("Meetings"),
        C("The Clerk issues the summons and agenda three clear days before each meeting."),
    ]
    package(path, document_xml(body))


def fernhill(path):
    """A protocol as a council template gives it: content controls for the council's name (twice)
    and the adoption date, a call-out box of key contacts, and a bold lead-in paragraph repeated
    in two sections."""
    rev[0] = 100
    shape_id[0] = 0
    council = lambda: sdt_run("Fernhill District Council", alias="Council name")
    bold = lambda text: '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(text)
    body = [
        p("Title", "Protocol on Member and Officer Relations"),
        para([council()]),
        para([t("Adopted by the Council on "), sdt_run("2 April 2025", kind="date", alias="Adoption date", date="2025-04-02")]),
        H("Introduction"),
        C("This protocol describes how the members and officers of ", council(), " work together in the interests of the district."),
        para([box_anchor([para(x) for x in KEY_CONTACTS], descr="Key contacts")]),
        C("It is part of the constitution and is read with the codes of conduct for members and for employees."),
        H("Working together"),
        bold("What members can expect"),
        C("Officers give members impartial advice and answer their enquiries within ten working days."),
        bold("What officers can expect"),
        C("Members treat officers with courtesy and do not ask them to act outside their role."),
        H("Concerns and complaints"),
        bold("What members can expect"),
        C("A member with a concern about an officer raises it with the ", sdt_run("Chief Executive", kind="dropDownList", alias="Route", items=["Chief Executive", "Monitoring Officer"]), ", who will reply in writing."),
        bold("What officers can expect"),
        C("An officer with a concern about a member raises it with the Monitoring Officer, who may refer it to the Standards Committee."),
    ]
    package(path, document_xml(body), title="Protocol on Member and Officer Relations")


PAGES_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>' % W
    + '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Helvetica Neue" w:hAnsi="Helvetica Neue"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>'
    + '<w:style w:type="numbering" w:default="1" w:styleId="No List"><w:name w:val="No List"/><w:next w:val="No List"/><w:pPr/></w:style>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Body"><w:name w:val="Body"/><w:next w:val="Body"/><w:pPr><w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:pageBreakBefore w:val="0"/><w:widowControl w:val="1"/><w:spacing w:before="0" w:after="120"/><w:outlineLvl w:val="9"/></w:pPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:next w:val="Body"/><w:pPr><w:keepNext w:val="0"/><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b w:val="1"/><w:sz w:val="48"/></w:rPr></w:style>'
    # Pages names its first heading style "Heading" and marks the level by the outline level.
    + '<w:style w:type="paragraph" w:styleId="Heading"><w:name w:val="Heading"/><w:next w:val="Body"/><w:pPr><w:keepNext w:val="1"/><w:keepLines w:val="0"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b w:val="1"/><w:sz w:val="32"/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Heading 2"><w:name w:val="Heading 2"/><w:next w:val="Body"/><w:pPr><w:keepNext w:val="1"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b w:val="1"/><w:sz w:val="26"/></w:rPr></w:style>'
    + "</w:styles>")

PAGES_NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>' % W
    + '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
    + lvl(0, "decimal", "%1.", 360) + lvl(1, "decimal", "%1.%2", 720) + lvl(2, "lowerLetter", "(%3)", 1080)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    + "</w:numbering>")


def pages_run(text, bold=False):
    """A run as Pages writes it: every toggle spelled out, most of them off."""
    return ('<w:r><w:rPr><w:b w:val="%d"/><w:i w:val="0"/><w:caps w:val="0"/><w:strike w:val="0"/><w:vanish w:val="0"/>'
            '<w:color w:val="000000"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>') % (1 if bold else 0, escape(text))


def pages(path):
    """A protocol as Apple Pages exports it: a default paragraph style named Body, headings in a
    style named Heading (and Heading 2) told only by their outline level, numbering by direct
    numPr, and every run spelling out its toggles (`w:vanish w:val="0"` is visible text)."""
    rev[0] = 100

    def para_p(style, text, num=None):
        ppr = '<w:pStyle w:val="%s"/>' % style
        if num is not None:
            ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>' % num
        return '<w:p><w:pPr>%s</w:pPr>%s</w:p>' % (ppr, pages_run(text, bold=style != "Body"))
    body = [
        para_p("Title", "Protocol on Councillors and Staff"),
        para_p("Body", "Millbrook Town Council"),
        para_p("Heading", "Purpose", num=0),
        para_p("Body", "This protocol sets out how councillors and the staff of the council work with one another.", num=1),
        para_p("Body", "It applies at meetings, in writing and online.", num=1),
        para_p("Heading", "Raising concerns", num=0),
        para_p("Heading 2", "Concerns about staff"),
        para_p("Body", "A councillor raises a concern about a member of staff with the Town Clerk, who may:", num=1),
        para_p("Body", "deal with it informally; or", num=2),
        para_p("Body", "start the council's formal procedure.", num=2),
    ]
    package(path, document_xml(body), title=None, styles=PAGES_STYLES, numbering=PAGES_NUMBERING)


SHAPES = {
    "main-part-renamed.docx": main_part_renamed,
    "text-boxes.docx": text_boxes,
    "content-controls.docx": content_controls,
    "repeated-paragraphs.docx": repeated_paragraphs,
    "table-first.docx": table_first,
    "fernhill.docx": fernhill,
    "pages.docx": pages,
}

if __name__ == "__main__":
    write("corpus/docx/brackenfield.docx", tracked=False)
    write("corpus/docx/brackenfield-tracked.docx", tracked=True)
    for name, make in SHAPES.items():
        make("corpus/docx/" + name)
