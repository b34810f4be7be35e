#include "languagesetting.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

namespace careround {

namespace {
const QString kKey = QStringLiteral("language");
}

LanguageSetting::LanguageSetting(QString settingsFile, QObject *parent)
    : QObject(parent), m_file(std::move(settingsFile))
{
    const QString stored = QSettings(m_file, QSettings::IniFormat).value(kKey).toString();
    if (languages().contains(stored))
        m_choice = stored;
    apply();
}

LanguageSetting::~LanguageSetting()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
    QLocale::setDefault(QLocale::system());
}

void LanguageSetting::setChoice(const QString &choice)
{
    if (choice == m_choice || (!choice.isEmpty() && !languages().contains(choice)))
        return;
    m_choice = choice;
    QSettings settings(m_file, QSettings::IniFormat);
    if (m_choice.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, m_choice);
    settings.sync();
    apply();
    emit changed();
}

QVariantList LanguageSetting::choices() const
{
    return {QVariantMap{{QStringLiteral("key"), QString()},
                        {QStringLiteral("label"), tr("This tablet's language")}},
            QVariantMap{{QStringLiteral("key"), QStringLiteral("en")},
                        {QStringLiteral("label"), QStringLiteral("English")}},
            QVariantMap{{QStringLiteral("key"), QStringLiteral("es")},
                        {QStringLiteral("label"), QStringLiteral("Español")}}};
}

void LanguageSetting::apply()
{
    const QLocale system = QLocale::system();
    QLocale locale = system;
    if (!m_choice.isEmpty() && QLocale(m_choice).language() != system.language())
        locale = QLocale(m_choice);
    m_language =
        locale.language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
    QLocale::setDefault(locale);
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
    // English has a translation too: its plural forms ("1 day", "2 days").
    m_installed = m_translator.load(QStringLiteral(":/i18n/careround_") + m_language) &&
                  QCoreApplication::installTranslator(&m_translator);
}

} // namespace careround
