<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SignOffPage</name>
    <message numerus="yes">
        <source>%n stroke(s)</source>
        <translation>
            <numerusform>%n stroke</numerusform>
            <numerusform>%n strokes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::AssessmentController</name>
    <message numerus="yes">
        <source>%1%2: unanswered items (%n): %3</source>
        <translation>
            <numerusform>%1%2: unanswered item (%n): %3</numerusform>
            <numerusform>%1%2: unanswered items (%n): %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: unanswered questions (%n): %2</source>
        <translation>
            <numerusform>%1: unanswered question (%n): %2</numerusform>
            <numerusform>%1: unanswered questions (%n): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::CaseloadModel</name>
    <message numerus="yes">
        <source>Follow-up overdue by %n days: %1</source>
        <translation>
            <numerusform>Follow-up overdue by %n day: %1</numerusform>
            <numerusform>Follow-up overdue by %n days: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::PlanController</name>
    <message numerus="yes">
        <source>up %n points since the first update</source>
        <translation>
            <numerusform>up %n point since the first update</numerusform>
            <numerusform>up %n points since the first update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down %n points since the first update</source>
        <translation>
            <numerusform>down %n point since the first update</numerusform>
            <numerusform>down %n points since the first update</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::SignOffController</name>
    <message numerus="yes">
        <source>Goals (%n)</source>
        <translation>
            <numerusform>Goal (%n)</numerusform>
            <numerusform>Goals (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Action steps (%n)</source>
        <translation>
            <numerusform>Action step (%n)</numerusform>
            <numerusform>Action steps (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contingencies (%n)</source>
        <translation>
            <numerusform>Contingency (%n)</numerusform>
            <numerusform>Contingencies (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answers (%n)</source>
        <translation>
            <numerusform>Answer (%n)</numerusform>
            <numerusform>Answers (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::TodayModel</name>
    <message numerus="yes">
        <source>Overdue by %n days (%1)</source>
        <translation>
            <numerusform>Overdue by %n day (%1)</numerusform>
            <numerusform>Overdue by %n days (%1)</numerusform>
        </translation>
    </message>
</context>
</TS>
