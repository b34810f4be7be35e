#include "documentpdf.h"

#include "exporttext.h"
#include "instruments.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>

namespace careround {

namespace {

using ExportText::codeLabel;
using ExportText::fieldLabel;

/** The PDF's resolution; the document's lengths (margins, indents, images) are in its pixels. */
constexpr int kDpi = 300;
/** Pixels per typographic point at kDpi. */
constexpr qreal kPt = kDpi / 72.0;
/** A letter spacing too small to see (in pixels at kDpi) that turns ligatures off. */
constexpr qreal kNoLigatures = 0.05;

/** Builds a document through a cursor: headings, paragraphs, label-value lines, tables. */
class Composer {
public:
    explicit Composer(QTextDocument &doc, qreal basePoints)
        : m_doc(doc), m_cursor(&doc), m_base(basePoints)
    {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(basePoints);
        // No ligatures ("fi" stays two letters, so a PDF's text searches and copies as typed):
        // Qt shapes without them when the letter spacing is not zero.
        font.setLetterSpacing(QFont::AbsoluteSpacing, kNoLigatures);
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        m_first = true;
    }

    QTextCharFormat charFormat(qreal scale = 1.0, bool bold = false, bool mono = false) const
    {
        QTextCharFormat f;
        f.setFontPointSize(m_base * scale);
        f.setFontLetterSpacingType(QFont::AbsoluteSpacing);
        f.setFontLetterSpacing(kNoLigatures);
        f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        if (mono)
            f.setFontFamilies({QStringLiteral("DejaVu Sans Mono")});
        return f;
    }

    void block(qreal topMargin = 0, qreal bottomMargin = 0, qreal indent = 0)
    {
        QTextBlockFormat bf;
        bf.setTopMargin(topMargin * kPt);
        bf.setBottomMargin(bottomMargin * kPt);
        bf.setLeftMargin(indent * kPt);
        if (m_first)
            m_cursor.setBlockFormat(bf);
        else
            m_cursor.insertBlock(bf);
        m_first = false;
    }

    void title(const QString &text)
    {
        block(0, m_base * 0.4);
        m_cursor.insertText(text, charFormat(1.8, true));
    }
    void heading(const QString &text)
    {
        block(m_base * 0.9, m_base * 0.3);
        m_cursor.insertText(text, charFormat(1.35, true));
    }
    void subheading(const QString &text, qreal indent = 0)
    {
        block(m_base * 0.6, m_base * 0.15, indent);
        m_cursor.insertText(text, charFormat(1.1, true));
    }
    void paragraph(const QString &text, qreal indent = 0, qreal scale = 1.0)
    {
        block(m_base * 0.1, m_base * 0.1, indent);
        m_cursor.insertText(text, charFormat(scale));
    }
    void mono(const QString &text)
    {
        block(m_base * 0.15, m_base * 0.15);
        m_cursor.insertText(text, charFormat(0.9, false, true));
    }
    /** "Label: value", the label bold; nothing when the value is empty. */
    void field(const QString &label, const QString &value, qreal indent = 0)
    {
        if (value.trimmed().isEmpty())
            return;
        block(m_base * 0.05, m_base * 0.05, indent);
        m_cursor.insertText(label + QStringLiteral(": "), charFormat(1.0, true));
        m_cursor.insertText(value, charFormat());
    }
    void table(const QStringList &headers, const QVector<QStringList> &rows,
               const QVector<qreal> &widthsPercent = {})
    {
        if (rows.isEmpty())
            return;
        block(m_base * 0.3, 0);
        QTextTableFormat tf;
        tf.setCellPadding(m_base * 0.2 * kPt);
        tf.setCellSpacing(0);
        tf.setBorder(0.6 * kPt);
        tf.setBorderBrush(QColor(0xb0, 0xb0, 0xb0));
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setHeaderRowCount(1);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QVector<QTextLength> widths;
        for (qreal w : widthsPercent)
            widths.append(QTextLength(QTextLength::PercentageLength, w));
        if (!widths.isEmpty())
            tf.setColumnWidthConstraints(widths);
        QTextTable *t = m_cursor.insertTable(int(rows.size()) + 1, int(headers.size()), tf);
        for (int c = 0; c < headers.size(); ++c)
            t->cellAt(0, c).firstCursorPosition().insertText(headers[c], charFormat(0.95, true));
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < headers.size(); ++c)
                t->cellAt(r + 1, c).firstCursorPosition().insertText(rows[r].value(c),
                                                                     charFormat(0.95));
        m_cursor.movePosition(QTextCursor::End);
    }
    void image(const QImage &img, qreal width, qreal height)
    {
        const QString name = QStringLiteral("careround-image:%1").arg(m_images++);
        m_doc.addResource(QTextDocument::ImageResource, QUrl(name), img);
        block(m_base * 0.3, m_base * 0.3);
        QTextImageFormat f;
        f.setName(name);
        f.setWidth(width); // in 1/96 inch: Qt scales images to the device's resolution
        f.setHeight(height);
        m_cursor.insertImage(f);
    }

private:
    QTextDocument &m_doc;
    QTextCursor m_cursor;
    qreal m_base;
    bool m_first = true;
    int m_images = 0;
};

/** The signature strokes drawn black on white, scaled to fit. */
QImage signatureImage(const QJsonArray &strokes)
{
    QVector<QPolygonF> lines;
    QRectF bounds;
    for (const auto &s : strokes) {
        const QJsonArray flat = s.toArray();
        QPolygonF line;
        for (int i = 0; i + 1 < flat.size(); i += 2)
            line.append(QPointF(flat[i].toDouble(), flat[i + 1].toDouble()));
        if (line.isEmpty())
            continue;
        bounds = bounds.isNull() ? line.boundingRect() : bounds.united(line.boundingRect());
        lines.append(line);
    }
    QImage img(900, 300, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0x20, 0x28, 0x60), 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (!lines.isEmpty()) {
        const QRectF area(30, 30, 840, 240);
        const qreal scale = qMin(area.width() / qMax(bounds.width(), 1.0),
                                 area.height() / qMax(bounds.height(), 1.0));
        p.translate(area.center());
        p.scale(scale, scale);
        p.translate(-bounds.center());
        for (const QPolygonF &line : lines)
            p.drawPolyline(line);
    }
    p.resetTransform();
    p.setPen(QPen(QColor(0x90, 0x90, 0x90), 2));
    p.drawLine(30, 280, 870, 280);
    return img;
}

bool skippedField(const FieldDef &f)
{
    return f.type == FieldType::Reference || f.type == FieldType::Json || !f.kindField.isEmpty() ||
           f.name == QLatin1String("voided") || f.name == QLatin1String("voidReason");
}

/** Every field of a record with a value, as "Label: value" lines. */
void recordFields(Composer &c, const EntityDef &def, const Record &r, const QTimeZone &zone,
                  const QStringList &skip = {}, qreal indent = 0)
{
    for (const FieldDef &f : def.fields)
        if (!skippedField(f) && !skip.contains(f.name))
            c.field(fieldLabel(f.name), ExportText::valueText(f, r.values.value(f.name), zone),
                    indent);
}

QString text(const EntityDef &def, const Record &r, const char *field, const QTimeZone &zone)
{
    const FieldDef *f = def.field(QLatin1String(field));
    return f ? ExportText::valueText(*f, r.values.value(f->name), zone) : QString();
}

const SignedChildren *group(const SignedDocument &doc, const char *kind)
{
    for (const SignedChildren &g : doc.children)
        if (g.kind->name == QLatin1String(kind))
            return &g;
    return nullptr;
}

void assessmentContent(Composer &c, const SignedDocument &doc)
{
    const SignedChildren *answers = group(doc, "assessmentAnswer");
    if (!answers)
        return;
    c.heading(QStringLiteral("Instrument scores"));
    QVector<QStringList> rows;
    for (const InstrumentResult &r : answers->scores)
        rows.append({r.instrument->name,
                     QStringLiteral("%1 of %2").arg(r.score.score).arg(r.instrument->maxScore()),
                     r.score.complete
                         ? (r.score.bandLabel.isEmpty() ? QStringLiteral("-") : r.score.bandLabel)
                         : QStringLiteral("Incomplete (%1 answered)").arg(r.score.answered)});
    c.table({QStringLiteral("Instrument"), QStringLiteral("Score"), QStringLiteral("Band")}, rows,
            {40, 20, 40});
    for (const InstrumentResult &r : answers->scores) {
        c.subheading(r.instrument->name);
        QVector<QStringList> items;
        for (const InstrumentItem &item : r.instrument->items)
            for (const Record &a : answers->rows)
                if (a.text("instrument") == r.instrument->id && a.text("item") == item.key)
                    items.append({item.text, QString::number(a.values.value("value").toInt()),
                                  a.text("note")});
        c.table({QStringLiteral("Question"), QStringLiteral("Answer"), QStringLiteral("Note")},
                items, {60, 12, 28});
    }
    QVector<QStringList> domain;
    for (const Record &a : answers->rows)
        if (a.text("instrument") == QLatin1String("domain"))
            domain.append({codeLabel(a.text("item")), a.text("note")});
    if (!domain.isEmpty()) {
        c.subheading(QStringLiteral("Domains"));
        c.table({QStringLiteral("Domain"), QStringLiteral("Note")}, domain, {30, 70});
    }
}

void planContent(Composer &c, const SignedDocument &doc)
{
    const SignedChildren *goals = group(doc, "goal");
    const SignedChildren *steps = group(doc, "actionStep");
    const EntityDef &goalDef = *Schema::instance().entity(QStringLiteral("goal"));
    const EntityDef &stepDef = *Schema::instance().entity(QStringLiteral("actionStep"));
    c.heading(QStringLiteral("Goals"));
    if (!goals)
        c.paragraph(QStringLiteral("No goals."));
    int n = 0;
    for (const Record &g : goals ? goals->rows : QVector<Record>()) {
        c.subheading(QStringLiteral("Goal %1: %2").arg(++n).arg(g.text("statement")));
        recordFields(c, goalDef, g, doc.zone, {QStringLiteral("statement")}, 12);
        QVector<QStringList> rows;
        for (const Record &s : steps ? steps->rows : QVector<Record>())
            if (s.text("goalId") == g.id) {
                QString who = codeLabel(s.text("owner"));
                const QString provider = doc.providerNames.value(s.text("providerId"));
                if (!provider.isEmpty())
                    who += QStringLiteral(" (") + provider + QLatin1Char(')');
                rows.append({s.text("description"), who, text(stepDef, s, "dueDate", doc.zone),
                             codeLabel(s.text("status"))});
            }
        if (!rows.isEmpty()) {
            c.paragraph(QStringLiteral("Action steps"), 12);
            c.table({QStringLiteral("What"), QStringLiteral("Who"), QStringLiteral("When"),
                     QStringLiteral("Status")},
                    rows, {46, 22, 16, 16});
        }
    }
    if (const SignedChildren *contingencies = group(doc, "contingency")) {
        c.heading(QStringLiteral("Contingency plans"));
        QVector<QStringList> rows;
        for (const Record &k : contingencies->rows)
            rows.append({k.text("barrier"), k.text("alternative")});
        c.table({QStringLiteral("If this happens"), QStringLiteral("Then")}, rows, {45, 55});
    }
}

QString signerText(const DocumentSignature &s)
{
    if (s.relationship == QLatin1String("client"))
        return s.signerName + QStringLiteral(" (the client)");
    return s.signerName + QStringLiteral(" (representative") +
           (s.relation.isEmpty() ? QString() : QStringLiteral(": ") + s.relation) +
           QLatin1Char(')');
}

void signatureBlock(Composer &c, const SignedDocument &doc, const DocumentSignature &s)
{
    c.image(signatureImage(s.strokes), 288, 96);
    c.field(QStringLiteral("Signed by"), signerText(s));
    c.field(QStringLiteral("Signed at"), ExportText::dateTimeText(s.signedAt, doc.zone));
    c.field(QStringLiteral("Coordinator"), doc.coordinatorName);
    c.paragraph(QStringLiteral("Content hash the signature is bound to (SHA-256):"));
    c.mono(s.contentHash);
}

/** Paints the laid-out document page by page with a footer, into PDF bytes. */
QByteArray paint(QTextDocument &doc, const QString &title, const QString &footer)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("CareRound"));
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
    doc.documentLayout()->setPaintDevice(&writer);
    const qreal footerHeight = writer.resolution() * 0.35; // about 9 mm
    const QSizeF page(writer.width(), writer.height() - footerHeight);
    doc.setPageSize(page);
    const int pages = doc.pageCount();
    QPainter p(&writer);
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(7.5);
    small.setLetterSpacing(QFont::AbsoluteSpacing, kNoLigatures); // the hash's "ff" too
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        p.save();
        p.translate(0, -i * page.height());
        // Only this page's part: a paragraph that goes on overleaf is not drawn twice.
        const QRectF part(0, i * page.height(), page.width(), page.height());
        p.setClipRect(part);
        doc.drawContents(&p, part);
        p.restore();
        p.setFont(small);
        p.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF foot(0, page.height() + footerHeight * 0.3, page.width(), footerHeight * 0.7);
        p.drawText(foot, Qt::AlignLeft | Qt::AlignVCenter, footer);
        p.drawText(foot, Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
    }
    p.end();
    return bytes;
}

QString documentTitle(const SignedDocument &doc)
{
    if (doc.def->name == QLatin1String("carePlan"))
        return QStringLiteral("Care plan: ") + doc.record.text("title");
    if (doc.def->name == QLatin1String("assessment"))
        return QStringLiteral("Assessment (%1)").arg(codeLabel(doc.record.text("kind")));
    return QStringLiteral("Visit record");
}

} // namespace

QString DocumentPdf::howToCheck()
{
    return QStringLiteral(
        "To check: `careround-server admin export pdf RECORD_ID` recomputes this hash from the "
        "stored records with CareRound's one content-hash rule (docs/sync-protocol.md): the "
        "SHA-256 of the record and the records its signature covers, without the fields that may "
        "change after signing (status, progress, review date). The same hash means the same "
        "content.");
}

std::unique_ptr<QTextDocument> DocumentPdf::layout(const SignedDocument &doc)
{
    auto text = std::make_unique<QTextDocument>();
    Composer c(*text, 10);
    c.paragraph(doc.agencyName, 0, 1.1);
    c.title(documentTitle(doc));
    c.field(QStringLiteral("Client"), ExportText::personName(doc.client));
    c.field(QStringLiteral("Date of birth"), ExportText::dateText(doc.client.text("dateOfBirth")));
    c.field(QStringLiteral("Coordinator"), doc.coordinatorName);

    c.heading(QStringLiteral("What was signed"));
    recordFields(c, *doc.def, doc.record, doc.zone, {QStringLiteral("title")});
    if (doc.def->name == QLatin1String("assessment"))
        assessmentContent(c, doc);
    else if (doc.def->name == QLatin1String("carePlan"))
        planContent(c, doc);

    c.heading(QStringLiteral("Signature"));
    signatureBlock(c, doc, doc.signatures.constFirst());
    for (const AmendmentEntry &a : doc.amendments) {
        c.heading(QStringLiteral("Amendment (%1)").arg(codeLabel(a.status)));
        for (auto it = a.proposed.constBegin(); it != a.proposed.constEnd(); ++it) {
            const FieldDef *f = doc.def->field(it.key());
            const QString value = f ? ExportText::valueText(*f, it.value(), doc.zone)
                                    : it.value().toVariant().toString();
            c.field(fieldLabel(it.key()), value);
        }
    }
    for (int i = 1; i < doc.signatures.size(); ++i) {
        c.heading(QStringLiteral("Amendment signature"));
        signatureBlock(c, doc, doc.signatures[i]);
    }

    c.heading(QStringLiteral("Content hash"));
    c.paragraph(QStringLiteral("Recomputed from the content above (SHA-256):"));
    c.mono(doc.contentHash);
    c.paragraph(doc.hashMatches()
                    ? QStringLiteral("This equals the hash of the signature: the content is the "
                                     "content that was signed.")
                    : QStringLiteral("This differs from the hash of the signature: the "
                                     "content changed after it was signed (an amendment waits "
                                     "for its signature, or the signature predates the rule "
                                     "that leaves out what may change after signing)."));
    c.paragraph(howToCheck(), 0, 0.85);
    return text;
}

std::unique_ptr<QTextDocument> DocumentPdf::layout(const ClientHandout &h)
{
    auto text = std::make_unique<QTextDocument>();
    Composer c(*text, 15); // large print
    c.paragraph(h.agencyName);
    c.title(QStringLiteral("My care plan"));
    c.paragraph(QStringLiteral("For ") + h.clientName);
    if (!h.planTitle.isEmpty())
        c.paragraph(h.planTitle);

    c.heading(QStringLiteral("My goals"));
    if (h.goals.isEmpty())
        c.paragraph(QStringLiteral("We will set your goals together."));
    for (const HandoutGoal &g : h.goals) {
        c.subheading(g.statement);
        if (!g.targetDate.isEmpty())
            c.field(QStringLiteral("By"), ExportText::dateText(g.targetDate), 14);
        if (!g.clientDoes.isEmpty()) {
            c.paragraph(QStringLiteral("What I will do:"), 14);
            for (const QString &s : g.clientDoes)
                c.paragraph(QStringLiteral("\u2022 ") + s, 28);
        }
        if (!g.othersDo.isEmpty()) {
            c.paragraph(QStringLiteral("What others will do:"), 14);
            for (const QString &s : g.othersDo)
                c.paragraph(QStringLiteral("\u2022 ") + s, 28);
        }
    }

    c.heading(QStringLiteral("My next appointments"));
    if (h.appointments.isEmpty())
        c.paragraph(QStringLiteral("No appointments booked."));
    for (const HandoutAppointment &a : h.appointments) {
        c.subheading(ExportText::dateTimeText(a.startsAt, h.zone) + QStringLiteral(": ") + a.title);
        c.field(QStringLiteral("With"), a.withWhom, 14);
        c.field(QStringLiteral("Where"), a.location, 14);
        c.field(QStringLiteral("Transport"),
                a.transportArranged
                    ? QStringLiteral("Arranged") + (a.transportNotes.isEmpty()
                                                        ? QString()
                                                        : QStringLiteral(": ") + a.transportNotes)
                    : QStringLiteral("Not arranged yet: call your coordinator"),
                14);
        c.field(QStringLiteral("Bring or prepare"), a.preparationNotes, 14);
    }

    c.heading(QStringLiteral("Who to call"));
    QVector<QStringList> rows;
    for (const HandoutContact &k : h.contacts)
        rows.append({k.name, k.role, k.phone.isEmpty() ? QStringLiteral("-") : k.phone});
    c.table({QStringLiteral("Who"), QStringLiteral("For"), QStringLiteral("Phone")}, rows,
            {38, 32, 30});
    return text;
}

QByteArray DocumentPdf::render(const SignedDocument &doc)
{
    auto text = layout(doc);
    return paint(*text, documentTitle(doc),
                 doc.agencyName + QStringLiteral(" \u2014 ") + ExportText::personName(doc.client) +
                     QStringLiteral(" \u2014 SHA-256 ") +
                     doc.currentSignature().contentHash.left(16));
}

QByteArray DocumentPdf::render(const ClientHandout &handout)
{
    auto text = layout(handout);
    return paint(*text, QStringLiteral("My care plan"),
                 handout.agencyName + QStringLiteral(" \u2014 ") + handout.clientName);
}

} // namespace careround
