#pragma once

#include <QObject>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * The tablet's language: the device's own, English or Spanish. The choice is remembered across
 * restarts in a settings file beside the store (it holds no client data) and applies at once to
 * every text of the app, QML and C++ (a translator on the application, from the embedded
 * `:/i18n/careround_<language>.qm`), and to dates and numbers (the default QLocale). Owned by
 * the session; main retranslates the QML engine on changed().
 */
class LanguageSetting : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The language setting belongs to the session")
    /** "" for the device's language, else "en" or "es". */
    Q_PROPERTY(QString choice READ choice WRITE setChoice NOTIFY changed)
    /** The language in effect: "en" or "es". */
    Q_PROPERTY(QString language READ language NOTIFY changed)
    /** [{key, label}] for a chooser: the device default first, each language in its own name. */
    Q_PROPERTY(QVariantList choices READ choices NOTIFY changed)

public:
    /** settingsFile: where the choice is kept (an INI file; it may not exist yet). */
    explicit LanguageSetting(QString settingsFile, QObject *parent = nullptr);
    ~LanguageSetting() override;

    QString choice() const { return m_choice; }
    /** Chooses, remembers and applies a language; an unknown key changes nothing. */
    void setChoice(const QString &choice);
    QString language() const { return m_language; }
    QVariantList choices() const;

    /** The languages CareRound speaks. */
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("es")}; }

signals:
    void changed();

private:
    void apply();

    QString m_file;
    QString m_choice;
    QString m_language;
    QTranslator m_translator;
    bool m_installed = false;
};

} // namespace careround
