#pragma once

#include "clienthandout.h"
#include "signeddocument.h"

#include <QByteArray>

#include <memory>

class QTextDocument;

namespace careround {

/**
 * Renders a signed document or a client's handout as PDF with Qt GUI alone (QTextDocument
 * built through QTextCursor, every value inserted as text, never as markup; painted page by
 * page on a QPdfWriter with a footer). Needs a QGuiApplication (fonts): the server creates an
 * offscreen one for it.
 */
class DocumentPdf {
public:
    /** The text document of a signed document (what the PDF pages show, without footers). */
    static std::unique_ptr<QTextDocument> layout(const SignedDocument &doc);
    /** The text document of a handout: large print. */
    static std::unique_ptr<QTextDocument> layout(const ClientHandout &handout);

    /** The PDF bytes. */
    static QByteArray render(const SignedDocument &doc);
    static QByteArray render(const ClientHandout &handout);

    /** The line of the PDF saying how to check the hash. */
    static QString howToCheck();
};

} // namespace careround
