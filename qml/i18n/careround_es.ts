<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AnswerRow</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>AssessmentDomains</name>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Has a long-term health condition</source>
        <translation>Tiene una enfermedad de larga duración</translation>
    </message>
    <message>
        <source>Hospital or emergency visit in the last 6 months</source>
        <translation>Hospitalización o visita a urgencias en los últimos 6 meses</translation>
    </message>
    <message>
        <source>Sees a regular doctor</source>
        <translation>Tiene un médico habitual</translation>
    </message>
    <message>
        <source>Emotional well-being</source>
        <translation>Bienestar emocional</translation>
    </message>
    <message>
        <source>Feels lonely</source>
        <translation>Se siente solo(a)</translation>
    </message>
    <message>
        <source>Rarely</source>
        <translation>Rara vez</translation>
    </message>
    <message>
        <source>Sometimes</source>
        <translation>A veces</translation>
    </message>
    <message>
        <source>Often</source>
        <translation>A menudo</translation>
    </message>
    <message>
        <source>Recent loss or big change in life</source>
        <translation>Pérdida reciente o cambio importante en su vida</translation>
    </message>
    <message>
        <source>Social support</source>
        <translation>Apoyo social</translation>
    </message>
    <message>
        <source>Has someone to call in an emergency</source>
        <translation>Tiene a quién llamar en una emergencia</translation>
    </message>
    <message>
        <source>Sees family or friends</source>
        <translation>Ve a familiares o amigos</translation>
    </message>
    <message>
        <source>Weekly or more</source>
        <translation>Cada semana o más</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Cada mes</translation>
    </message>
    <message>
        <source>Financial stability</source>
        <translation>Estabilidad económica</translation>
    </message>
    <message>
        <source>Income covers food, rent and bills</source>
        <translation>Sus ingresos cubren comida, alquiler y facturas</translation>
    </message>
    <message>
        <source>Behind on rent or utility bills</source>
        <translation>Atrasado(a) en el alquiler o en las facturas de servicios</translation>
    </message>
    <message>
        <source>Daily living</source>
        <translation>Vida diaria</translation>
    </message>
    <message>
        <source>Help at home with daily tasks</source>
        <translation>Ayuda en casa con las tareas diarias</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>No la necesita</translation>
    </message>
    <message>
        <source>Has help</source>
        <translation>Tiene ayuda</translation>
    </message>
    <message>
        <source>Needs help, has none</source>
        <translation>Necesita ayuda y no la tiene</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Housing is secure for the next 6 months</source>
        <translation>Tiene la vivienda asegurada para los próximos 6 meses</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>No está seguro(a)</translation>
    </message>
    <message>
        <source>Can get in and out of the home safely</source>
        <translation>Puede entrar y salir de casa con seguridad</translation>
    </message>
    <message>
        <source>With difficulty</source>
        <translation>Con dificultad</translation>
    </message>
    <message>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Gets to appointments</source>
        <translation>Llega a sus citas</translation>
    </message>
    <message>
        <source>On their own</source>
        <translation>Por su cuenta</translation>
    </message>
    <message>
        <source>With help</source>
        <translation>Con ayuda</translation>
    </message>
    <message>
        <source>Cannot get there</source>
        <translation>No puede llegar</translation>
    </message>
    <message>
        <source>Medication management</source>
        <translation>Manejo de medicamentos</translation>
    </message>
    <message>
        <source>Daily medications</source>
        <translation>Medicamentos diarios</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>1 to 4</source>
        <translation>De 1 a 4</translation>
    </message>
    <message>
        <source>5 to 9</source>
        <translation>De 5 a 9</translation>
    </message>
    <message>
        <source>10 or more</source>
        <translation>10 o más</translation>
    </message>
    <message>
        <source>Misses doses</source>
        <translation>Se salta dosis</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Falls in the last 6 months</source>
        <translation>Caídas en los últimos 6 meses</translation>
    </message>
    <message>
        <source>One</source>
        <translation>Una</translation>
    </message>
    <message>
        <source>Two or more</source>
        <translation>Dos o más</translation>
    </message>
    <message>
        <source>Feels safe at home</source>
        <translation>Se siente seguro(a) en casa</translation>
    </message>
    <message>
        <source>Not always</source>
        <translation>No siempre</translation>
    </message>
    <message>
        <source>Working smoke alarm</source>
        <translation>Detector de humo que funciona</translation>
    </message>
    <message>
        <source>Does not know</source>
        <translation>No sabe</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Mark complete</source>
        <translation>Marcar como completa</translation>
    </message>
    <message>
        <source>Not complete yet. Still missing:</source>
        <translation>Aún no está completa. Falta:</translation>
    </message>
    <message>
        <source>Start a new assessment of %1</source>
        <translation>Iniciar una nueva evaluación de %1</translation>
    </message>
    <message>
        <source>Choose a client to assess</source>
        <translation>Elija un cliente para evaluar</translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation>Evaluación inicial</translation>
    </message>
    <message>
        <source>Reassessment</source>
        <translation>Reevaluación</translation>
    </message>
    <message>
        <source>Annual assessment</source>
        <translation>Evaluación anual</translation>
    </message>
    <message>
        <source>Assessment domains</source>
        <translation>Áreas de la evaluación</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 score: %2</source>
        <translation>Puntuación de %1: %2</translation>
    </message>
    <message>
        <source>Needed when the PHQ-2 screen is positive (3 or more).</source>
        <translation>Necesario cuando la detección con el PHQ-2 es positiva (3 o más).</translation>
    </message>
    <message>
        <source>Safety concern: ask about it today.</source>
        <translation>Preocupación por la seguridad: pregunte sobre esto hoy.</translation>
    </message>
    <message>
        <source>Notes on %1</source>
        <translation>Notas sobre %1</translation>
    </message>
    <message>
        <source>Needs, challenges, what the client says</source>
        <translation>Necesidades, dificultades, lo que dice el cliente</translation>
    </message>
    <message>
        <source>Strengths (whole assessment)</source>
        <translation>Fortalezas (de toda la evaluación)</translation>
    </message>
    <message>
        <source>What the client does well, who helps</source>
        <translation>Lo que el cliente hace bien, quién le ayuda</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Next domain</source>
        <translation>Área siguiente</translation>
    </message>
    <message>
        <source>Start a reassessment</source>
        <translation>Comenzar una reevaluación</translation>
    </message>
    <message>
        <source>Start the annual assessment</source>
        <translation>Comenzar la evaluación anual</translation>
    </message>
</context>
<context>
    <name>CarePlanPage</name>
    <message>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <source>This client has no care plan yet.</source>
        <translation>Este cliente aún no tiene un plan de atención.</translation>
    </message>
    <message>
        <source>Choose a client from the caseload</source>
        <translation>Elija un cliente de la lista de casos</translation>
    </message>
    <message>
        <source>Plan title, e.g. Staying well at home</source>
        <translation>Título del plan, p. ej., Mantenerse bien en casa</translation>
    </message>
    <message>
        <source>Title of the new care plan</source>
        <translation>Título del nuevo plan de atención</translation>
    </message>
    <message>
        <source>Start a care plan</source>
        <translation>Iniciar un plan de atención</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>No goals yet. Each goal needs a measure, a target and a date.</source>
        <translation>Aún no hay metas. Cada meta necesita una medida, un valor objetivo y una fecha.</translation>
    </message>
    <message>
        <source>New goal: what the client wants to achieve</source>
        <translation>Nueva meta: lo que el cliente quiere lograr</translation>
    </message>
    <message>
        <source>New goal statement</source>
        <translation>Enunciado de la nueva meta</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Agregar meta</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Plan status</source>
        <translation>Estado del plan</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Contingencies</source>
        <translation>Planes de contingencia</translation>
    </message>
    <message>
        <source>Contingency: %1</source>
        <translation>Plan de contingencia: %1</translation>
    </message>
    <message>
        <source>If this gets in the way</source>
        <translation>Si esto se interpone</translation>
    </message>
    <message>
        <source>Then do this instead</source>
        <translation>Entonces haga esto</translation>
    </message>
    <message>
        <source>contingency</source>
        <translation>plan de contingencia</translation>
    </message>
    <message>
        <source>Barrier: what could get in the way</source>
        <translation>Obstáculo: lo que podría interponerse</translation>
    </message>
    <message>
        <source>New contingency barrier</source>
        <translation>Obstáculo del nuevo plan de contingencia</translation>
    </message>
    <message>
        <source>Alternative: what to do then</source>
        <translation>Alternativa: qué hacer entonces</translation>
    </message>
    <message>
        <source>New contingency alternative</source>
        <translation>Alternativa del nuevo plan de contingencia</translation>
    </message>
    <message>
        <source>Add contingency</source>
        <translation>Agregar plan de contingencia</translation>
    </message>
    <message>
        <source>Start a new plan in place of this one</source>
        <translation>Comenzar un plan nuevo en lugar de este</translation>
    </message>
    <message>
        <source>The new plan replaces this one, which is kept as superseded. Tick the goals to bring forward: their unfinished steps and linked services come with them.</source>
        <translation>El plan nuevo reemplaza a este, que se conserva como reemplazado. Marque las metas que pasan al plan nuevo: sus pasos sin terminar y los servicios vinculados pasan con ellas.</translation>
    </message>
    <message>
        <source>Title of the new plan</source>
        <translation>Título del plan nuevo</translation>
    </message>
    <message>
        <source>Bring forward: %1</source>
        <translation>Pasar al plan nuevo: %1</translation>
    </message>
    <message>
        <source>Start the new plan</source>
        <translation>Comenzar el plan nuevo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CaseloadDelegate</name>
    <message>
        <source>%1. Next: %2</source>
        <translation>%1. Siguiente: %2</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>Search by name, phone or address</source>
        <translation>Buscar por nombre, teléfono o dirección</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requieren atención</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>Seguimiento vencido</translation>
    </message>
    <message>
        <source>Unsigned documents</source>
        <translation>Documentos sin firmar</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>No clients match</source>
        <translation>Ningún cliente coincide</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Choose a client from the caseload</source>
        <translation>Elija un cliente de la lista de casos</translation>
    </message>
    <message>
        <source>Back to caseload</source>
        <translation>Volver a la lista de casos</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Nueva evaluación</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <source>New care plan</source>
        <translation>Nuevo plan de atención</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Editar datos</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>Log a call or message</source>
        <translation>Registrar una llamada o mensaje</translation>
    </message>
    <message>
        <source>Sign off the plan</source>
        <translation>Firmar el plan</translation>
    </message>
    <message>
        <source>Sign off the assessment</source>
        <translation>Firmar la evaluación</translation>
    </message>
    <message>
        <source>Signed plan as PDF</source>
        <translation>Plan firmado en PDF</translation>
    </message>
    <message>
        <source>Signed assessment as PDF</source>
        <translation>Evaluación firmada en PDF</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Folleto para el cliente</translation>
    </message>
    <message>
        <source>Appointments (.ics)</source>
        <translation>Citas (.ics)</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Teléfono: %1</translation>
    </message>
    <message>
        <source>Contacts and caregivers</source>
        <translation>Contactos y cuidadores</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Agregar contacto</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Follow-ups (%1 open)</source>
        <translation>Seguimientos (%1 pendientes)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Agregar seguimiento</translation>
    </message>
    <message>
        <source>%1 · %2 priority</source>
        <translation>%1 · prioridad %2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Quejas</translation>
    </message>
    <message>
        <source>Log a complaint</source>
        <translation>Registrar una queja</translation>
    </message>
    <message>
        <source>Consent to share information</source>
        <translation>Consentimiento para compartir información</translation>
    </message>
    <message>
        <source>New consent</source>
        <translation>Nuevo consentimiento</translation>
    </message>
    <message>
        <source>Consent to share with %1</source>
        <translation>Consentimiento para compartir con %1</translation>
    </message>
    <message>
        <source>With %1: %2</source>
        <translation>Con %1: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Care plan: %1</source>
        <translation>Plan de atención: %1</translation>
    </message>
    <message>
        <source>No current care plan</source>
        <translation>No hay un plan de atención vigente</translation>
    </message>
    <message>
        <source>%1 · %2% · %3</source>
        <translation>%1 · %2 % · %3</translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation>Progreso de las metas</translation>
    </message>
    <message>
        <source>Visits, assessments and contacts</source>
        <translation>Visitas, evaluaciones y contactos</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Conflicts to settle (%1)</source>
        <translation>Conflictos por resolver (%1)</translation>
    </message>
    <message>
        <source>Nothing to settle: every change was merged.</source>
        <translation>Nada que resolver: se combinaron todos los cambios.</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>En uso ahora</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Conservar este</translation>
    </message>
    <message>
        <source>Kept aside</source>
        <translation>Guardado aparte</translation>
    </message>
    <message>
        <source>Use this instead</source>
        <translation>Usar este en su lugar</translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <translation>Por %1, %2</translation>
    </message>
    <message>
        <source>Or write the right value</source>
        <translation>O escriba el valor correcto</translation>
    </message>
    <message>
        <source>The right value, written by hand</source>
        <translation>El valor correcto, escrito a mano</translation>
    </message>
    <message>
        <source>Use my value</source>
        <translation>Usar mi valor</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <source>Pick %1</source>
        <translation>Elegir %1</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Comenzada</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Medical notes</source>
        <translation>Notas de salud</translation>
    </message>
    <message>
        <source>Emotional notes</source>
        <translation>Notas sobre bienestar emocional</translation>
    </message>
    <message>
        <source>Social notes</source>
        <translation>Notas sobre apoyo social</translation>
    </message>
    <message>
        <source>Financial notes</source>
        <translation>Notas económicas</translation>
    </message>
    <message>
        <source>Daily living notes</source>
        <translation>Notas sobre la vida diaria</translation>
    </message>
    <message>
        <source>Housing notes</source>
        <translation>Notas sobre la vivienda</translation>
    </message>
    <message>
        <source>Transportation notes</source>
        <translation>Notas sobre el transporte</translation>
    </message>
    <message>
        <source>Medication notes</source>
        <translation>Notas sobre medicamentos</translation>
    </message>
    <message>
        <source>Safety notes</source>
        <translation>Notas sobre seguridad</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Fortalezas</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Fecha de revisión</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Enunciado</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Valor meta</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha meta</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Achievable</source>
        <translation>Alcanzable</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Pertinencia</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Logro</translation>
    </message>
    <message>
        <source>Attainment on</source>
        <translation>Fecha del logro</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>Obstáculo</translation>
    </message>
    <message>
        <source>Alternative</source>
        <translation>Alternativa</translation>
    </message>
    <message>
        <source>Planned at</source>
        <translation>Programada para</translation>
    </message>
    <message>
        <source>Check in at</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Check out at</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Se comparte</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Válido desde</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Válido hasta</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Revocado el</translation>
    </message>
    <message>
        <source>Revoked reason</source>
        <translation>Motivo de la revocación</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>Vive solo(a)</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>Señales de riesgo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Parentesco o relación</translation>
    </message>
    <message>
        <source>Status reason</source>
        <translation>Motivo del estado</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
</context>
<context>
    <name>GoalEditor</name>
    <message>
        <source>Goal: %1</source>
        <translation>Meta: %1</translation>
    </message>
    <message>
        <source>Goal (specific: what the client wants to achieve)</source>
        <translation>Meta (específica: lo que el cliente quiere lograr)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>e.g. falls reported</source>
        <translation>p. ej., caídas reportadas</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>Valor objetivo</translation>
    </message>
    <message>
        <source>e.g. 0</source>
        <translation>p. ej., 0</translation>
    </message>
    <message>
        <source>Achievable: why it can be done</source>
        <translation>Alcanzable: por qué se puede lograr</translation>
    </message>
    <message>
        <source>Relevant: why it matters to the client</source>
        <translation>Relevante: por qué es importante para el cliente</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Área</translation>
    </message>
    <message>
        <source>Goal status</source>
        <translation>Estado de la meta</translation>
    </message>
    <message>
        <source>Services for this goal: %1</source>
        <translation>Servicios para esta meta: %1</translation>
    </message>
    <message>
        <source>No services linked to this goal yet</source>
        <translation>Aún no hay servicios vinculados a esta meta</translation>
    </message>
    <message>
        <source>Service to link to this goal</source>
        <translation>Servicio que se vinculará a esta meta</translation>
    </message>
    <message>
        <source>Link service</source>
        <translation>Vincular servicio</translation>
    </message>
    <message>
        <source>Action steps</source>
        <translation>Pasos de acción</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>Due (overdue)</source>
        <translation>Fecha límite (vencida)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Step status</source>
        <translation>Estado del paso</translation>
    </message>
    <message>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>New step: what will be done</source>
        <translation>Nuevo paso: qué se hará</translation>
    </message>
    <message>
        <source>New step description</source>
        <translation>Descripción del nuevo paso</translation>
    </message>
    <message>
        <source>Who does the new step</source>
        <translation>Quién hará el nuevo paso</translation>
    </message>
    <message>
        <source>Due date of the new step</source>
        <translation>Fecha límite del nuevo paso</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Agregar paso</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>Attainment at review</source>
        <translation>Logro en la revisión</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <source>Progress: %1%</source>
        <translation>Avance: %1%</translation>
    </message>
    <message>
        <source>0-100</source>
        <translation>0-100</translation>
    </message>
    <message>
        <source>New progress in percent</source>
        <translation>Nuevo avance en porcentaje</translation>
    </message>
    <message>
        <source>What changed (optional)</source>
        <translation>Qué cambió (opcional)</translation>
    </message>
    <message>
        <source>Note on this progress update</source>
        <translation>Nota sobre esta actualización del avance</translation>
    </message>
    <message>
        <source>Record progress</source>
        <translation>Registrar el avance</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Fecha objetivo</translation>
    </message>
</context>
<context>
    <name>Instruments</name>
    <message>
        <source>Little interest or pleasure in doing things</source>
        <translation>Poco interés o placer en hacer cosas</translation>
    </message>
    <message>
        <source>Feeling down, depressed, or hopeless</source>
        <translation>Se ha sentido decaído(a), deprimido(a) o sin esperanzas</translation>
    </message>
    <message>
        <source>Trouble falling or staying asleep, or sleeping too much</source>
        <translation>Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado</translation>
    </message>
    <message>
        <source>Feeling tired or having little energy</source>
        <translation>Se ha sentido cansado(a) o con poca energía</translation>
    </message>
    <message>
        <source>Poor appetite or overeating</source>
        <translation>Sin apetito o ha comido en exceso</translation>
    </message>
    <message>
        <source>Feeling bad about yourself, or that you are a failure</source>
        <translation>Se ha sentido mal con usted mismo(a), o que es un fracaso</translation>
    </message>
    <message>
        <source>Trouble concentrating on things</source>
        <translation>Ha tenido dificultad para concentrarse en ciertas actividades</translation>
    </message>
    <message>
        <source>Moving or speaking slowly, or being fidgety or restless</source>
        <translation>Se ha movido o hablado muy lento, o ha estado muy inquieto(a) o agitado(a)</translation>
    </message>
    <message>
        <source>Thoughts that you would be better off dead or of hurting yourself</source>
        <translation>Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera</translation>
    </message>
    <message>
        <source>Katz Index of Independence in ADL</source>
        <translation>Índice de Katz de independencia en las actividades de la vida diaria (AVD)</translation>
    </message>
    <message>
        <source>Bathing without help</source>
        <translation>Se baña sin ayuda</translation>
    </message>
    <message>
        <source>Dressing without help</source>
        <translation>Se viste sin ayuda</translation>
    </message>
    <message>
        <source>Toileting without help</source>
        <translation>Usa el inodoro sin ayuda</translation>
    </message>
    <message>
        <source>Moving in and out of bed or chair without help</source>
        <translation>Se acuesta y se levanta de la cama o de la silla sin ayuda</translation>
    </message>
    <message>
        <source>Full control of bladder and bowel</source>
        <translation>Control total de la vejiga y los intestinos</translation>
    </message>
    <message>
        <source>Feeding self without help</source>
        <translation>Se alimenta sin ayuda</translation>
    </message>
    <message>
        <source>Lawton Instrumental Activities of Daily Living</source>
        <translation>Escala de Lawton de actividades instrumentales de la vida diaria</translation>
    </message>
    <message>
        <source>Uses the telephone on own initiative</source>
        <translation>Usa el teléfono por iniciativa propia</translation>
    </message>
    <message>
        <source>Takes care of all shopping needs independently</source>
        <translation>Hace todas sus compras de forma independiente</translation>
    </message>
    <message>
        <source>Plans, prepares and serves adequate meals independently</source>
        <translation>Planifica, prepara y sirve comidas adecuadas de forma independiente</translation>
    </message>
    <message>
        <source>Maintains the house alone or with occasional help</source>
        <translation>Mantiene la casa solo(a) o con ayuda ocasional</translation>
    </message>
    <message>
        <source>Does personal laundry completely</source>
        <translation>Lava toda su ropa personal</translation>
    </message>
    <message>
        <source>Travels independently on public transport or drives</source>
        <translation>Viaja de forma independiente en transporte público o maneja</translation>
    </message>
    <message>
        <source>Takes medication in correct dosages at correct times</source>
        <translation>Toma sus medicamentos en la dosis correcta y a la hora correcta</translation>
    </message>
    <message>
        <source>Manages financial matters independently</source>
        <translation>Maneja sus asuntos económicos de forma independiente</translation>
    </message>
    <message>
        <source>PHQ-2 depression screen</source>
        <translation>Detección de depresión PHQ-2</translation>
    </message>
    <message>
        <source>PHQ-9 depression severity</source>
        <translation>Gravedad de la depresión PHQ-9</translation>
    </message>
    <message>
        <source>Full function</source>
        <translation>Funcionamiento completo</translation>
    </message>
    <message>
        <source>Moderate impairment</source>
        <translation>Deterioro moderado</translation>
    </message>
    <message>
        <source>Severe functional impairment</source>
        <translation>Deterioro funcional grave</translation>
    </message>
    <message>
        <source>Independent</source>
        <translation>Independiente</translation>
    </message>
    <message>
        <source>Needs some help</source>
        <translation>Necesita algo de ayuda</translation>
    </message>
    <message>
        <source>Needs much help</source>
        <translation>Necesita mucha ayuda</translation>
    </message>
    <message>
        <source>Positive screen: complete the PHQ-9</source>
        <translation>Detección positiva: complete el PHQ-9</translation>
    </message>
    <message>
        <source>Negative screen</source>
        <translation>Detección negativa</translation>
    </message>
    <message>
        <source>Severe depression</source>
        <translation>Depresión grave</translation>
    </message>
    <message>
        <source>Moderately severe depression</source>
        <translation>Depresión moderadamente grave</translation>
    </message>
    <message>
        <source>Moderate depression</source>
        <translation>Depresión moderada</translation>
    </message>
    <message>
        <source>Mild depression</source>
        <translation>Depresión leve</translation>
    </message>
    <message>
        <source>Minimal or none</source>
        <translation>Mínima o ninguna</translation>
    </message>
</context>
<context>
    <name>KeptEditsCard</name>
    <message>
        <source>Changes kept from %1&apos;s sign-in, not sent: %2</source>
        <translation>Cambios conservados de la sesión de %1, no enviados: %2</translation>
    </message>
    <message>
        <source>Changes kept from an earlier sign-in, not sent: %1</source>
        <translation>Cambios conservados de una sesión anterior, no enviados: %1</translation>
    </message>
    <message>
        <source>This tablet was enrolled again with another login. These changes were typed before and never reached the agency; they are not sent for the new login. Read them, pass on what matters to your supervisor, then dismiss them.</source>
        <translation>Esta tableta se volvió a registrar con otro usuario. Estos cambios se escribieron antes y nunca llegaron a la agencia; no se envían con el nuevo usuario. Léalos, comunique a su supervisor/a lo que sea importante y luego descártelos.</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>ListField</name>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Add another</source>
        <translation>Agregar otro</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Agregar a %1</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Agregar %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>CareRound</source>
        <translation>CareRound</translation>
    </message>
    <message>
        <source>This tablet was wiped</source>
        <translation>Se borraron los datos de esta tableta</translation>
    </message>
    <message>
        <source>Locked: enter your PIN</source>
        <translation>Bloqueada: ingrese su PIN</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>Elija un PIN</translation>
    </message>
    <message>
        <source>CareRound locked itself after a while without use, to protect your clients&apos; data.</source>
        <translation>CareRound se bloqueó tras un rato sin uso, para proteger los datos de sus clientes.</translation>
    </message>
    <message>
        <source>The PIN unlocks CareRound after a while without use: 4 to 8 digits.</source>
        <translation>El PIN desbloquea CareRound tras un rato sin uso: de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Establecer PIN</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Agency caseloads</source>
        <translation>Casos de la agencia</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Lista de casos</translation>
    </message>
    <message>
        <source>Resource directory</source>
        <translation>Directorio de recursos</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
</context>
<context>
    <name>NewClientPage</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Date of birth (YYYY-MM-DD)</source>
        <translation>Fecha de nacimiento (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Add to my caseload</source>
        <translation>Agregar a mi lista de casos</translation>
    </message>
</context>
<context>
    <name>RecordFormPage</name>
    <message>
        <source>falls risk</source>
        <translation>riesgo de caídas</translation>
    </message>
    <message>
        <source>memory concerns</source>
        <translation>problemas de memoria</translation>
    </message>
    <message>
        <source>oxygen in home</source>
        <translation>oxígeno en el hogar</translation>
    </message>
    <message>
        <source>dog in home</source>
        <translation>perro en el hogar</translation>
    </message>
    <message>
        <source>food insecurity</source>
        <translation>inseguridad alimentaria</translation>
    </message>
    <message>
        <source>missed medications</source>
        <translation>medicamentos no tomados</translation>
    </message>
    <message>
        <source>recent hospital stay</source>
        <translation>hospitalización reciente</translation>
    </message>
    <message>
        <source>hearing impaired</source>
        <translation>problemas de audición</translation>
    </message>
    <message>
        <source>low vision</source>
        <translation>visión reducida</translation>
    </message>
    <message>
        <source>wandering risk</source>
        <translation>riesgo de deambulación</translation>
    </message>
    <message>
        <source>unsafe stairs</source>
        <translation>escaleras peligrosas</translation>
    </message>
    <message>
        <source>contact details</source>
        <translation>datos de contacto</translation>
    </message>
    <message>
        <source>care plan</source>
        <translation>plan de atención</translation>
    </message>
    <message>
        <source>assessment results</source>
        <translation>resultados de la evaluación</translation>
    </message>
    <message>
        <source>medications</source>
        <translation>medicamentos</translation>
    </message>
    <message>
        <source>medical conditions</source>
        <translation>condiciones médicas</translation>
    </message>
    <message>
        <source>income and benefits</source>
        <translation>ingresos y beneficios</translation>
    </message>
    <message>
        <source>housing situation</source>
        <translation>situación de vivienda</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Editar datos</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Idioma preferido</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>Vive solo(a)</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>Señales de riesgo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Cambiar estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason (for example: in hospital, moved away, service restarted)</source>
        <translation>Motivo (por ejemplo: en el hospital, se mudó, se reanudó el servicio)</translation>
    </message>
    <message>
        <source>New contact or caregiver</source>
        <translation>Nuevo contacto o cuidador</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Relationship (daughter, neighbour, doctor...)</source>
        <translation>Relación (hija, vecino, médico...)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador/a</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Nuevo seguimiento</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Editar seguimiento</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Qué hay que hacer</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>Nueva queja</translation>
    </message>
    <message>
        <source>Edit complaint</source>
        <translation>Editar queja</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>About which provider</source>
        <translation>Sobre qué proveedor</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Atendida por</translation>
    </message>
    <message>
        <source>To be resolved by</source>
        <translation>Resolver a más tardar el</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Escalamiento</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Log a call or message</source>
        <translation>Registrar una llamada o mensaje</translation>
    </message>
    <message>
        <source>Edit contact log entry</source>
        <translation>Editar entrada del registro de contactos</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>Which contact person (if any)</source>
        <translation>Qué persona de contacto (si corresponde)</translation>
    </message>
    <message>
        <source>Which provider (if any)</source>
        <translation>Qué proveedor (si corresponde)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Who got in touch</source>
        <translation>Quién se comunicó</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>What was said or arranged</source>
        <translation>Qué se dijo o acordó</translation>
    </message>
    <message>
        <source>Follow up on (leave empty if none)</source>
        <translation>Fecha de seguimiento (déjela vacía si no hay)</translation>
    </message>
    <message>
        <source>New consent to share information</source>
        <translation>Nuevo consentimiento para compartir información</translation>
    </message>
    <message>
        <source>Edit consent</source>
        <translation>Editar consentimiento</translation>
    </message>
    <message>
        <source>Shared with (organisation or person)</source>
        <translation>Se comparte con (organización o persona)</translation>
    </message>
    <message>
        <source>Provider in the directory (if any)</source>
        <translation>Proveedor del directorio (si corresponde)</translation>
    </message>
    <message>
        <source>What may be shared</source>
        <translation>Qué se puede compartir</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Revoke consent</source>
        <translation>Revocar consentimiento</translation>
    </message>
    <message>
        <source>Why the client revokes it</source>
        <translation>Por qué lo revoca el cliente</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>This record is no longer on the tablet (it was removed or moved).</source>
        <translation>Este registro ya no está en la tableta (se quitó o se trasladó).</translation>
    </message>
    <message>
        <source>Signed: only what may change after signing is saved.</source>
        <translation>Firmado: solo se guarda lo que puede cambiar después de la firma.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revocar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Outcome of the referral</source>
        <translation>Resultado de la derivación</translation>
    </message>
    <message>
        <source>What came of it (service given, waiting list, declined...)</source>
        <translation>Qué resultó (servicio prestado, lista de espera, rechazada...)</translation>
    </message>
    <message>
        <source>Your rating of the service, 1 (poor) to 5 (excellent)</source>
        <translation>Su calificación del servicio, de 1 (mala) a 5 (excelente)</translation>
    </message>
    <message>
        <source>Closed on (if the service has ended)</source>
        <translation>Cerrada el (si el servicio terminó)</translation>
    </message>
</context>
<context>
    <name>RecordInput</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Reemplazado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Lograda</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>No lograda</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Por hacer</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En servicio</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Presentada</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <source>Appealed</source>
        <translation>Apelada</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation>Dado de baja</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinador/a</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Representante</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Emotional well-being</source>
        <translation>Bienestar emocional</translation>
    </message>
    <message>
        <source>Social support</source>
        <translation>Apoyo social</translation>
    </message>
    <message>
        <source>Financial stability</source>
        <translation>Estabilidad económica</translation>
    </message>
    <message>
        <source>Daily living</source>
        <translation>Vida diaria</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Transportation</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <source>Medication management</source>
        <translation>Manejo de medicamentos</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Caso cerrado</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>En investigación</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Not escalated</source>
        <translation>Sin escalar</translation>
    </message>
    <message>
        <source>To the supervisor</source>
        <translation>Al/a la supervisor/a</translation>
    </message>
    <message>
        <source>To the agency director</source>
        <translation>A la dirección de la agencia</translation>
    </message>
    <message>
        <source>To the ombudsman</source>
        <translation>A la oficina del Ombudsman</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>We contacted them</source>
        <translation>Nos comunicamos con ellos</translation>
    </message>
    <message>
        <source>They contacted us</source>
        <translation>Se comunicaron con nosotros</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Exceeded</source>
        <translation>Superada</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <translation>Lograda en parte</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completa</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <source>Reassessment</source>
        <translation>Reevaluación</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Anual</translation>
    </message>
</context>
<context>
    <name>ReenrolPage</name>
    <message>
        <source>Enrol this tablet again</source>
        <translation>Volver a registrar esta tableta</translation>
    </message>
    <message>
        <source>Sign in with your agency account. With the login this tablet had, everything on it stays and your unsent changes are sent. With another login, the records on this tablet are removed and the unsent changes are kept here for review only, never sent.</source>
        <translation>Inicie sesión con su cuenta de la agencia. Con el usuario que tenía esta tableta, todo lo que contiene se conserva y se envían sus cambios pendientes. Con otro usuario, se quitan los registros de esta tableta y los cambios no enviados se conservan aquí solo para revisarlos, sin enviarse nunca.</translation>
    </message>
    <message>
        <source>Agency server, e.g. https://care.example.org</source>
        <translation>Servidor de la agencia, p. ej., https://care.example.org</translation>
    </message>
    <message>
        <source>Agency server address</source>
        <translation>Dirección del servidor de la agencia</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Server certificate fingerprint (SHA-256): %1</source>
        <translation>Huella digital del certificado del servidor (SHA-256): %1</translation>
    </message>
    <message>
        <source>Trust: it matches the fingerprint my agency gave me</source>
        <translation>Confiar: coincide con la huella digital que me dio mi agencia</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>Volver a registrar</translation>
    </message>
    <message>
        <source>Enrolling this tablet</source>
        <translation>Registrando esta tableta</translation>
    </message>
</context>
<context>
    <name>RemoveControl</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Why remove it?</source>
        <translation>¿Por qué lo quita?</translation>
    </message>
    <message>
        <source>Reason for removing %1</source>
        <translation>Motivo para quitar: %1</translation>
    </message>
    <message>
        <source>Confirm removing %1</source>
        <translation>Confirmar que se quita: %1</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Conservar: %1</translation>
    </message>
</context>
<context>
    <name>ResourceDirectoryPage</name>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Any %1</source>
        <translation>%1: cualquiera</translation>
    </message>
    <message>
        <source>Choose a provider for the referral</source>
        <translation>Elija un proveedor para la derivación</translation>
    </message>
    <message>
        <source>Resource directory</source>
        <translation>Directorio de recursos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel choosing a provider</source>
        <translation>Cancelar la elección de proveedor</translation>
    </message>
    <message>
        <source>Close the directory</source>
        <translation>Cerrar el directorio</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financiamiento</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Proveedores</translation>
    </message>
    <message>
        <source>%1, discontinued</source>
        <translation>%1, dado de baja</translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation>Dado de baja</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Funding: %1</source>
        <translation>Financiamiento: %1</translation>
    </message>
    <message>
        <source>No providers match</source>
        <translation>Ningún proveedor coincide</translation>
    </message>
    <message>
        <source>Choose a provider to see details and ratings</source>
        <translation>Elija un proveedor para ver los detalles y las calificaciones</translation>
    </message>
    <message>
        <source>Discontinued: do not refer new clients</source>
        <translation>Dado de baja: no derive clientes nuevos</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Requisitos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Calificación</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Refer to this provider</source>
        <translation>Derivar a este proveedor</translation>
    </message>
    <message>
        <source>Rate this provider</source>
        <translation>Calificar a este proveedor</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1 de 5</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Comentario (opcional)</translation>
    </message>
    <message>
        <source>Rating comment</source>
        <translation>Comentario de la calificación</translation>
    </message>
    <message>
        <source>Add rating</source>
        <translation>Agregar calificación</translation>
    </message>
    <message>
        <source>%1 of 5 · %2 · %3</source>
        <translation>%1 de 5 · %2 · %3</translation>
    </message>
    <message>
        <source>Hide filters</source>
        <translation>Ocultar filtros</translation>
    </message>
    <message>
        <source>Filters (%1 in use)</source>
        <translation>Filtros (%1 en uso)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Show discontinued providers</source>
        <translation>Mostrar proveedores dados de baja</translation>
    </message>
    <message>
        <source>Search by name, service, language, area or funding</source>
        <translation>Buscar por nombre, servicio, idioma, zona o financiación</translation>
    </message>
</context>
<context>
    <name>RiskBadge</name>
    <message>
        <source>Risk: %1</source>
        <translation>Riesgo: %1</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Clear search</source>
        <translation>Borrar búsqueda</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services for %1</source>
        <translation>Servicios para %1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Descartar el mensaje</translation>
    </message>
    <message>
        <source>Referrals (%1)</source>
        <translation>Derivaciones (%1)</translation>
    </message>
    <message>
        <source>Appointments (%1)</source>
        <translation>Citas (%1)</translation>
    </message>
    <message>
        <source>Goal the service is for</source>
        <translation>Meta a la que sirve el servicio</translation>
    </message>
    <message>
        <source>Refer to a provider…</source>
        <translation>Derivar a un proveedor…</translation>
    </message>
    <message>
        <source>Referral to %1</source>
        <translation>Derivación a %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Provider discontinued</source>
        <translation>Proveedor dado de baja</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Referral status</source>
        <translation>Estado de la derivación</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Benefit program</source>
        <translation>Programa de beneficios</translation>
    </message>
    <message>
        <source>Start application</source>
        <translation>Iniciar solicitud</translation>
    </message>
    <message>
        <source>Benefit application: %1</source>
        <translation>Solicitud de beneficios: %1</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Application status</source>
        <translation>Estado de la solicitud</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Presentada el</translation>
    </message>
    <message>
        <source>Decision on</source>
        <translation>Decisión el</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>Próxima acción</translation>
    </message>
    <message>
        <source>Next action due (now due)</source>
        <translation>Fecha de la próxima acción (vence ahora)</translation>
    </message>
    <message>
        <source>Next action due</source>
        <translation>Fecha de la próxima acción</translation>
    </message>
    <message>
        <source>What, e.g. Eye exam</source>
        <translation>Qué, p. ej., Examen de la vista</translation>
    </message>
    <message>
        <source>Appointment title</source>
        <translation>Título de la cita</translation>
    </message>
    <message>
        <source>Appointment date and time</source>
        <translation>Fecha y hora de la cita</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Appointment location</source>
        <translation>Lugar de la cita</translation>
    </message>
    <message>
        <source>With whom</source>
        <translation>Con quién</translation>
    </message>
    <message>
        <source>Appointment with whom</source>
        <translation>Con quién es la cita</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Book the appointment</source>
        <translation>Programar la cita</translation>
    </message>
    <message>
        <source>Appointment: %1, %2</source>
        <translation>Cita: %1, %2</translation>
    </message>
    <message>
        <source>No transport arranged</source>
        <translation>No se ha organizado transporte</translation>
    </message>
    <message>
        <source>Appointment status</source>
        <translation>Estado de la cita</translation>
    </message>
    <message>
        <source>Transport arranged</source>
        <translation>Transporte organizado</translation>
    </message>
    <message>
        <source>Transport notes</source>
        <translation>Notas sobre el transporte</translation>
    </message>
    <message>
        <source>What to prepare</source>
        <translation>Qué preparar</translation>
    </message>
    <message>
        <source>No outcome recorded yet</source>
        <translation>Aún no se ha registrado el resultado</translation>
    </message>
    <message>
        <source>Outcome and rating</source>
        <translation>Resultado y calificación</translation>
    </message>
    <message>
        <source>Benefits (%1)</source>
        <translation>Beneficios (%1)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Program, e.g. SNAP</source>
        <translation>Programa, p. ej., SNAP</translation>
    </message>
</context>
<context>
    <name>SignOffPage</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Sign-off: %1</source>
        <translation>Firma: %1</translation>
    </message>
    <message>
        <source>Nothing to sign</source>
        <translation>No hay nada que firmar</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed and sealed</source>
        <translation>Firmado y sellado</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Aún sin firmar</translation>
    </message>
    <message>
        <source>What was signed</source>
        <translation>Lo que se firmó</translation>
    </message>
    <message>
        <source>What is being signed</source>
        <translation>Lo que se va a firmar</translation>
    </message>
    <message>
        <source>Content to sign</source>
        <translation>Contenido para firmar</translation>
    </message>
    <message>
        <source>Content fingerprint: %1…</source>
        <translation>Huella digital del contenido: %1…</translation>
    </message>
    <message>
        <source>Signature of the client or their representative</source>
        <translation>Firma del cliente o de su representante</translation>
    </message>
    <message>
        <source>Sign here with a finger or stylus</source>
        <translation>Firme aquí con el dedo o con un lápiz óptico</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>Panel de firma</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacío</translation>
    </message>
    <message numerus="yes">
        <source>%n stroke(s)</source>
        <translation>
            <numerusform>%n trazo</numerusform>
            <numerusform>%n trazos</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>Borrar firma</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>Representante</translation>
    </message>
    <message>
        <source>Name of the person signing</source>
        <translation>Nombre de la persona que firma</translation>
    </message>
    <message>
        <source>Sign %1</source>
        <translation>Firmar %1</translation>
    </message>
    <message>
        <source>Signature of %1</source>
        <translation>Firma de %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <source>Propose an amendment</source>
        <translation>Proponer una enmienda</translation>
    </message>
    <message>
        <source>Something else (describe it)</source>
        <translation>Otra cosa (descríbala)</translation>
    </message>
    <message>
        <source>What to change</source>
        <translation>Qué cambiar</translation>
    </message>
    <message>
        <source>The proposed text</source>
        <translation>El texto propuesto</translation>
    </message>
    <message>
        <source>Proposed change</source>
        <translation>Cambio propuesto</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Send for review</source>
        <translation>Enviar para revisión</translation>
    </message>
    <message>
        <source>Proposed amendments</source>
        <translation>Enmiendas propuestas</translation>
    </message>
    <message>
        <source>More below: scroll to read all of it before signing</source>
        <translation>Hay más abajo: desplácese para leerlo todo antes de firmar</translation>
    </message>
</context>
<context>
    <name>SignOutBanner</name>
    <message>
        <source>Enrol again</source>
        <translation>Volver a registrar</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>CareRound</source>
        <translation>CareRound</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problema de sincronización</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>No reconocida</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>All changes synced</source>
        <translation>Todos los cambios sincronizados</translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation>Cambios en espera de sincronizar: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Conflictos: %1</translation>
    </message>
    <message>
        <source>Need attention: %1</source>
        <translation>Requieren atención: %1</translation>
    </message>
    <message>
        <source>Changes not accepted by the agency server: %1</source>
        <translation>Cambios no aceptados por el servidor de la agencia: %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Kept on this tablet only</source>
        <translation>Guardado solo en esta tableta</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Sync with the agency</source>
        <translation>Sincronizar con la agencia</translation>
    </message>
    <message>
        <source>Offline: the agency server cannot be reached. Everything you do is saved on this tablet.</source>
        <translation>Sin conexión: no se puede acceder al servidor de la agencia. Todo lo que haga se guarda en esta tableta.</translation>
    </message>
    <message>
        <source>Syncing now…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Online and up to date.</source>
        <translation>En línea y al día.</translation>
    </message>
    <message>
        <source>Sync needs attention.</source>
        <translation>La sincronización requiere atención.</translation>
    </message>
    <message>
        <source>The agency signed this tablet out.</source>
        <translation>La agencia cerró la sesión de esta tableta.</translation>
    </message>
    <message>
        <source>The agency no longer recognises this tablet.</source>
        <translation>La agencia ya no reconoce esta tableta.</translation>
    </message>
    <message>
        <source>This tablet keeps its data locally (no agency server).</source>
        <translation>Esta tableta guarda sus datos localmente (sin servidor de la agencia).</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>No changes waiting to be sent.</source>
        <translation>No hay cambios en espera de envío.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1</source>
        <translation>Cambios en espera de envío: %1</translation>
    </message>
    <message>
        <source>No conflicts to settle.</source>
        <translation>No hay conflictos por resolver.</translation>
    </message>
    <message>
        <source>Conflicts to settle: %1</source>
        <translation>Conflictos por resolver: %1</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Changes the agency server did not accept: %1</source>
        <translation>Cambios que el servidor de la agencia no aceptó: %1</translation>
    </message>
    <message>
        <source>What was sent: %1</source>
        <translation>Lo que se envió: %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>Descartar %1</translation>
    </message>
    <message>
        <source>Your visits in your phone&apos;s calendar</source>
        <translation>Sus visitas en el calendario de su teléfono</translation>
    </message>
    <message>
        <source>Calendar address</source>
        <translation>Dirección del calendario</translation>
    </message>
    <message>
        <source>Subscribe to this address in your phone&apos;s calendar.</source>
        <translation>Suscríbase a esta dirección en el calendario de su teléfono.</translation>
    </message>
    <message>
        <source>Make an address and subscribe to it in your phone&apos;s calendar: your visits and appointments, with the client&apos;s initials only.</source>
        <translation>Cree una dirección y suscríbase a ella en el calendario de su teléfono: sus visitas y citas, solo con las iniciales del cliente.</translation>
    </message>
    <message>
        <source>Make a new address</source>
        <translation>Crear una dirección nueva</translation>
    </message>
    <message>
        <source>Make a calendar address</source>
        <translation>Crear una dirección de calendario</translation>
    </message>
    <message>
        <source>Copy the address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <source>Stop the calendar feed</source>
        <translation>Detener el calendario</translation>
    </message>
</context>
<context>
    <name>TodayDelegate</name>
    <message>
        <source>%1. %2. %3, %4. %5</source>
        <translation>%1. %2. %3, %4. %5</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Visits and appointments</source>
        <translation>Visitas y citas</translation>
    </message>
    <message>
        <source>No visits or appointments today</source>
        <translation>No hay visitas ni citas hoy</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>No alerts: no severe PHQ-9 and transport is arranged</source>
        <translation>Sin alertas: no hay PHQ-9 grave y el transporte está organizado</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seguimientos pendientes</translation>
    </message>
    <message>
        <source>No follow-ups overdue or due today</source>
        <translation>No hay seguimientos vencidos ni para hoy</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Set up this tablet</source>
        <translation>Configurar esta tableta</translation>
    </message>
    <message>
        <source>Unlock CareRound</source>
        <translation>Desbloquear CareRound</translation>
    </message>
    <message>
        <source>Sign in with the account your agency gave you, and choose a passphrase. The passphrase encrypts the client data kept on this tablet; without it nobody can read the data.</source>
        <translation>Inicie sesión con la cuenta que le dio su agencia y elija una frase de contraseña. La frase de contraseña cifra los datos de los clientes guardados en esta tableta; sin ella, nadie puede leerlos.</translation>
    </message>
    <message>
        <source>Enter your passphrase to open the client data on this tablet.</source>
        <translation>Ingrese su frase de contraseña para abrir los datos de los clientes en esta tableta.</translation>
    </message>
    <message>
        <source>Agency server, e.g. https://care.example.org</source>
        <translation>Servidor de la agencia, p. ej., https://care.example.org</translation>
    </message>
    <message>
        <source>Agency server address</source>
        <translation>Dirección del servidor de la agencia</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>New passphrase for this tablet</source>
        <translation>Nueva frase de contraseña para esta tableta</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>Server certificate fingerprint (SHA-256): %1</source>
        <translation>Huella digital del certificado del servidor (SHA-256): %1</translation>
    </message>
    <message>
        <source>Trust: it matches the fingerprint my agency gave me</source>
        <translation>Confiar: coincide con la huella digital que me dio mi agencia</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <source>Enrol this tablet</source>
        <translation>Registrar esta tableta</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Enrolling this tablet</source>
        <translation>Registrando esta tableta</translation>
    </message>
</context>
<context>
    <name>VisitComplaintCard</name>
    <message>
        <source>Complaint: %1</source>
        <translation>Queja: %1</translation>
    </message>
    <message>
        <source>Raised in this visit</source>
        <translation>Presentada en esta visita</translation>
    </message>
    <message>
        <source>Complaint status: %1</source>
        <translation>Estado de la queja: %1</translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation>Cómo se resolvió</translation>
    </message>
    <message>
        <source>Resolution of %1</source>
        <translation>Resolución de %1</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>Pasos tomados</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>A step taken, e.g. called the provider</source>
        <translation>Un paso tomado, p. ej., se llamó al proveedor</translation>
    </message>
    <message>
        <source>Step taken for %1</source>
        <translation>Paso tomado para %1</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Agregar paso</translation>
    </message>
</context>
<context>
    <name>VisitGoalCard</name>
    <message>
        <source>Goal: %1</source>
        <translation>Meta: %1</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Progreso de %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Goal status: %1</source>
        <translation>Estado de la meta: %1</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Visit with %1</source>
        <translation>Visita a %1</translation>
    </message>
    <message>
        <source>Choose a client to start a visit</source>
        <translation>Elija un cliente para iniciar una visita</translation>
    </message>
    <message>
        <source>Visit status: %1</source>
        <translation>Estado de la visita: %1</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Check in when you arrive: the visit starts now.</source>
        <translation>Registre su llegada cuando llegue: la visita comienza ahora.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar llegada</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Purpose of the visit</source>
        <translation>Propósito de la visita</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Summary of the visit</source>
        <translation>Resumen de la visita</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>No notes yet</source>
        <translation>Aún no hay notas</translation>
    </message>
    <message>
        <source>Check in to write notes</source>
        <translation>Registre su llegada para escribir notas</translation>
    </message>
    <message>
        <source>Note of %1</source>
        <translation>Nota de %1</translation>
    </message>
    <message>
        <source>corrected below</source>
        <translation>corregida abajo</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corregir</translation>
    </message>
    <message>
        <source>Correct the note of %1</source>
        <translation>Corregir la nota de %1</translation>
    </message>
    <message>
        <source>The corrected note</source>
        <translation>La nota corregida</translation>
    </message>
    <message>
        <source>What happened, what was said, what you saw</source>
        <translation>Qué pasó, qué se dijo, qué observó</translation>
    </message>
    <message>
        <source>Corrected note</source>
        <translation>Nota corregida</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nueva nota</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Guardar corrección</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>Cancelar corrección</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>Seguimiento: %1</translation>
    </message>
    <message>
        <source>%1 · from earlier</source>
        <translation>%1 · de antes</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecho</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>Reabrir %1</translation>
    </message>
    <message>
        <source>Mark done: %1</source>
        <translation>Marcar como hecho: %1</translation>
    </message>
    <message>
        <source>New follow-up, e.g. call the pharmacy</source>
        <translation>Nuevo seguimiento, p. ej., llamar a la farmacia</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Nuevo seguimiento</translation>
    </message>
    <message>
        <source>Due on (year-month-day)</source>
        <translation>Fecha límite (año-mes-día)</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>En una semana</translation>
    </message>
    <message>
        <source>In 2 weeks</source>
        <translation>En 2 semanas</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence: %1</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Agregar seguimiento</translation>
    </message>
    <message>
        <source>Complaints and issues</source>
        <translation>Quejas y problemas</translation>
    </message>
    <message>
        <source>Complaint or issue, e.g. aide arrives late</source>
        <translation>Queja o problema, p. ej., el asistente llega tarde</translation>
    </message>
    <message>
        <source>Complaint subject</source>
        <translation>Asunto de la queja</translation>
    </message>
    <message>
        <source>What the client said</source>
        <translation>Lo que dijo el cliente</translation>
    </message>
    <message>
        <source>Complaint description</source>
        <translation>Descripción de la queja</translation>
    </message>
    <message>
        <source>Record complaint</source>
        <translation>Registrar queja</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>%1 · %2 of 5 · %3</source>
        <translation>%1 · %2 de 5 · %3</translation>
    </message>
    <message>
        <source>%1 · %2 of 5</source>
        <translation>%1 · %2 de 5</translation>
    </message>
    <message>
        <source>How satisfied is the client with the services? (1 = not at all, 5 = very)</source>
        <translation>¿Qué tan satisfecho está el cliente con los servicios? (1 = nada, 5 = mucho)</translation>
    </message>
    <message>
        <source>Satisfaction %1 of 5</source>
        <translation>Satisfacción: %1 de 5</translation>
    </message>
    <message>
        <source>Comments in the client&apos;s words</source>
        <translation>Comentarios en palabras del cliente</translation>
    </message>
    <message>
        <source>Satisfaction comments</source>
        <translation>Comentarios sobre la satisfacción</translation>
    </message>
    <message>
        <source>Save satisfaction check</source>
        <translation>Guardar la consulta de satisfacción</translation>
    </message>
    <message>
        <source>Goal progress: %1</source>
        <translation>Progreso de la meta: %1</translation>
    </message>
    <message>
        <source>Goal progress</source>
        <translation>Progreso de las metas</translation>
    </message>
    <message>
        <source>No current care plan with goals</source>
        <translation>No hay un plan de atención vigente con metas</translation>
    </message>
    <message>
        <source>Client signs the visit record</source>
        <translation>El cliente firma el registro de la visita</translation>
    </message>
    <message>
        <source>Signed by the client: the record is sealed</source>
        <translation>Firmado por el cliente: el registro está sellado</translation>
    </message>
</context>
<context>
    <name>careround::AssessmentController</name>
    <message>
        <source>Not at all</source>
        <translation>Ningún día</translation>
    </message>
    <message>
        <source>Several days</source>
        <translation>Varios días</translation>
    </message>
    <message>
        <source>More than half the days</source>
        <translation>Más de la mitad de los días</translation>
    </message>
    <message>
        <source>Nearly every day</source>
        <translation>Casi todos los días</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>Katz ADL</source>
        <translation>Katz AVD</translation>
    </message>
    <message>
        <source>Lawton IADL</source>
        <translation>Lawton AIVD</translation>
    </message>
    <message>
        <source>PHQ-2</source>
        <translation>PHQ-2</translation>
    </message>
    <message>
        <source>PHQ-9</source>
        <translation>PHQ-9</translation>
    </message>
    <message>
        <source>%1 of %2 domains done</source>
        <translation>%1 de %2 áreas terminadas</translation>
    </message>
    <message>
        <source>There is no such answer to this question</source>
        <translation>Esa respuesta no existe para esta pregunta</translation>
    </message>
    <message>
        <source>Initial assessment</source>
        <translation>Evaluación inicial</translation>
    </message>
    <message>
        <source>Reassessment</source>
        <translation>Reevaluación</translation>
    </message>
    <message>
        <source>Annual assessment</source>
        <translation>Evaluación anual</translation>
    </message>
    <message>
        <source>%1 · started %2</source>
        <translation>%1 · iniciada el %2</translation>
    </message>
    <message>
        <source>Signed by %1 on %2. A signed assessment cannot be edited; propose an amendment from the sign-off screen.</source>
        <translation>Firmada por %1 el %2. Una evaluación firmada no se puede editar; proponga una enmienda desde la pantalla de firma.</translation>
    </message>
    <message>
        <source>Complete on %1. Reopen it to make changes.</source>
        <translation>Completada el %1. Vuelva a abrirla para hacer cambios.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 of %2 so far (%3 of %4 answered)</source>
        <translation>%1 de %2 hasta ahora (%3 de %4 respondidas)</translation>
    </message>
    <message>
        <source> (needed: the PHQ-2 screen is positive)</source>
        <translation> (necesario: la detección con el PHQ-2 es positiva)</translation>
    </message>
    <message numerus="yes">
        <source>%1%2: unanswered items (%n): %3</source>
        <translation>
            <numerusform>%1%2: ítem sin responder (%n): %3</numerusform>
            <numerusform>%1%2: ítems sin responder (%n): %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: nothing recorded yet</source>
        <translation>%1: aún no se ha registrado nada</translation>
    </message>
    <message numerus="yes">
        <source>%1: unanswered questions (%n): %2</source>
        <translation>
            <numerusform>%1: pregunta sin responder (%n): %2</numerusform>
            <numerusform>%1: preguntas sin responder (%n): %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 questions</source>
        <translation>%1 de %2 preguntas</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>PHQ-9: the client reports thoughts of being better off dead or of hurting themselves. Ask about safety today and follow the agency&apos;s safety protocol.</source>
        <translation>PHQ-9: el cliente informa pensamientos de que estaría mejor muerto(a) o de lastimarse. Pregunte hoy sobre su seguridad y siga el protocolo de seguridad de la agencia.</translation>
    </message>
    <message>
        <source>PHQ-9 in the severe band: arrange a clinical review promptly.</source>
        <translation>PHQ-9 en el rango grave: organice una revisión clínica sin demora.</translation>
    </message>
    <message>
        <source>Last assessment (%1): %2 of %3, %4</source>
        <translation>Evaluación anterior (%1): %2 de %3, %4</translation>
    </message>
    <message>
        <source>Last assessment (%1): not finished (%2 of %3 answered)</source>
        <translation>Evaluación anterior (%1): sin terminar (%2 de %3 respondidas)</translation>
    </message>
</context>
<context>
    <name>careround::CalendarFeedController</name>
    <message>
        <source>Asking the agency server for a calendar address…</source>
        <translation>Pidiendo al servidor de la agencia una dirección de calendario…</translation>
    </message>
    <message>
        <source>Stopping the calendar feed…</source>
        <translation>Deteniendo el calendario…</translation>
    </message>
    <message>
        <source>No calendar address was made: %1</source>
        <translation>No se creó ninguna dirección de calendario: %1</translation>
    </message>
    <message>
        <source>The calendar feed was not stopped: %1</source>
        <translation>El calendario no se detuvo: %1</translation>
    </message>
    <message>
        <source>Subscribe to this address in your phone&apos;s calendar. It shows your visits and appointments with the client&apos;s initials, never a name or a health detail. A new address stops the old one.</source>
        <translation>Suscríbase a esta dirección en el calendario de su teléfono. Muestra sus visitas y citas con las iniciales del cliente, nunca un nombre ni un dato de salud. Una dirección nueva detiene la anterior.</translation>
    </message>
    <message>
        <source>The calendar feed is stopped: its address no longer works.</source>
        <translation>El calendario está detenido: su dirección ya no funciona.</translation>
    </message>
</context>
<context>
    <name>careround::CaseloadModel</name>
    <message>
        <source>Clients: %1</source>
        <translation>Clientes: %1</translation>
    </message>
    <message>
        <source>Matching clients: %1 or more</source>
        <translation>Clientes que coinciden: %1 o más</translation>
    </message>
    <message>
        <source>Matching clients: %1</source>
        <translation>Clientes que coinciden: %1</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>Nada pendiente</translation>
    </message>
    <message>
        <source>Visit in progress since %1: check out when done</source>
        <translation>Visita en curso desde las %1: registre la salida al terminar</translation>
    </message>
    <message>
        <source>Follow-up overdue since yesterday: %1</source>
        <translation>Seguimiento vencido desde ayer: %1</translation>
    </message>
    <message>
        <source>Visit today at %1</source>
        <translation>Visita hoy a las %1</translation>
    </message>
    <message>
        <source>Visit today at %1: %2</source>
        <translation>Visita hoy a las %1: %2</translation>
    </message>
    <message>
        <source>Arrange transport for %1 on %2 at %3</source>
        <translation>Organizar transporte para %1 el %2 a las %3</translation>
    </message>
    <message>
        <source>Follow-up due today: %1</source>
        <translation>Seguimiento para hoy: %1</translation>
    </message>
    <message>
        <source>Benefits due %1: %2</source>
        <translation>Beneficios: acción pendiente el %1: %2</translation>
    </message>
    <message>
        <source>Open complaints to follow up: %1</source>
        <translation>Quejas abiertas por atender: %1</translation>
    </message>
    <message>
        <source>Assessment needs a signature</source>
        <translation>La evaluación necesita una firma</translation>
    </message>
    <message>
        <source>Care plan needs a signature</source>
        <translation>El plan de atención necesita una firma</translation>
    </message>
    <message>
        <source>Next follow-up %1: %2</source>
        <translation>Próximo seguimiento el %1: %2</translation>
    </message>
    <message>
        <source>Age %1</source>
        <translation>Edad: %1</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Caso cerrado</translation>
    </message>
    <message numerus="yes">
        <source>Follow-up overdue by %n days: %1</source>
        <translation>
            <numerusform>Seguimiento vencido hace %n día: %1</numerusform>
            <numerusform>Seguimiento vencido hace %n días: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::ClientController</name>
    <message>
        <source>Age %1 (born %2)</source>
        <translation>Edad: %1 (fecha de nacimiento: %2)</translation>
    </message>
    <message>
        <source>Speaks %1</source>
        <translation>Habla %1</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>Vive solo(a)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Caregiver</source>
        <translation>Cuidador/a</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>review %1</source>
        <translation>revisión el %1</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmado</translation>
    </message>
    <message>
        <source>not signed yet</source>
        <translation>aún sin firmar</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 para el %3</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 con %2</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>%1 %2/%3 (%4)</source>
        <translation>%1 %2/%3 (%4)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 answered</source>
        <translation>%1: %2 de %3 respondidas</translation>
    </message>
    <message>
        <source>%1 assessment</source>
        <translation>Evaluación: %1</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Venció el %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence el %1</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>sobre %1</translation>
    </message>
    <message>
        <source>handled by %1</source>
        <translation>atendida por %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence el %1</translation>
    </message>
    <message>
        <source>escalated: %1</source>
        <translation>escalamiento: %1</translation>
    </message>
    <message>
        <source>In force until %1</source>
        <translation>Vigente hasta el %1</translation>
    </message>
    <message>
        <source>Expired %1: ask for a new consent</source>
        <translation>Venció el %1: pida un nuevo consentimiento</translation>
    </message>
    <message>
        <source>Signed; in force from %1</source>
        <translation>Firmado; vigente desde el %1</translation>
    </message>
    <message>
        <source>Not signed yet: nothing may be shared</source>
        <translation>Aún sin firmar: no se puede compartir nada</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>The tablet is locked.</source>
        <translation>La tableta está bloqueada.</translation>
    </message>
    <message>
        <source>The date of birth must be a date like 1941-12-10.</source>
        <translation>La fecha de nacimiento debe ser una fecha como 1941-12-10.</translation>
    </message>
    <message>
        <source>Enter the client&apos;s first and last name.</source>
        <translation>Ingrese el nombre y el apellido del cliente.</translation>
    </message>
</context>
<context>
    <name>careround::ConflictListModel</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>the agency office</source>
        <translation>la oficina de la agencia</translation>
    </message>
    <message>
        <source>this tablet</source>
        <translation>esta tableta</translation>
    </message>
    <message>
        <source>another tablet</source>
        <translation>otra tableta</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Two people changed this at the same time. The newer value is in use; the other one is kept here. Choose one, or write the right value.</source>
        <translation>Dos personas cambiaron esto al mismo tiempo. Se usa el valor más reciente; el otro se conserva aquí. Elija uno o escriba el valor correcto.</translation>
    </message>
    <message>
        <source>Someone removed this record while someone else changed it. It is kept for now. Confirm the removal, or keep the record.</source>
        <translation>Alguien quitó este registro mientras otra persona lo cambiaba. Por ahora se conserva. Confirme que se quita o conserve el registro.</translation>
    </message>
    <message>
        <source>Removal of %1</source>
        <translation>Eliminación de %1</translation>
    </message>
    <message>
        <source>This was changed after it was signed. Signed content cannot change: the proposal is kept on file. Acknowledge it, and make a new document to be signed if the change is needed.</source>
        <translation>Esto se cambió después de firmarse. El contenido firmado no puede cambiar: la propuesta queda archivada. Confírmela y, si el cambio es necesario, prepare un nuevo documento para firmar.</translation>
    </message>
    <message>
        <source>This change came from a tablet whose clock was far ahead, so it was held. Apply it if it is right, or keep things as they are.</source>
        <translation>Este cambio vino de una tableta cuyo reloj estaba muy adelantado, por lo que se retuvo. Aplíquelo si es correcto o deje todo como está.</translation>
    </message>
</context>
<context>
    <name>careround::ConflictResolver</name>
    <message>
        <source>There is no such conflict</source>
        <translation>Ese conflicto no existe</translation>
    </message>
    <message>
        <source>Signed content cannot change: record the amendment as a new document and have it signed</source>
        <translation>El contenido firmado no puede cambiar: registre la enmienda como un documento nuevo y haga que se firme</translation>
    </message>
</context>
<context>
    <name>careround::DeviceAccount</name>
    <message>
        <source>The server address must start with https:// (or http:// for a server on this computer)</source>
        <translation>La dirección del servidor debe comenzar con https:// (o http:// si el servidor está en esta computadora)</translation>
    </message>
    <message>
        <source>Enter your login and password</source>
        <translation>Ingrese su usuario y contraseña</translation>
    </message>
    <message>
        <source>The passphrase must have at least %1 characters</source>
        <translation>La frase de contraseña debe tener al menos %1 caracteres</translation>
    </message>
    <message>
        <source>This tablet could not save its key file</source>
        <translation>Esta tableta no pudo guardar su archivo de clave</translation>
    </message>
    <message>
        <source>This tablet is not enrolled yet</source>
        <translation>Esta tableta aún no está registrada</translation>
    </message>
    <message>
        <source>That passphrase is not right</source>
        <translation>Esa frase de contraseña no es correcta</translation>
    </message>
</context>
<context>
    <name>careround::DeviceStore</name>
    <message>
        <source>This store was written by a newer CareRound (schema %1; this app knows %2). Update the app to open it.</source>
        <translation>Este almacén lo escribió una versión más reciente de CareRound (esquema %1; esta aplicación conoce el %2). Actualice la aplicación para abrirlo.</translation>
    </message>
</context>
<context>
    <name>careround::DeviceSyncer</name>
    <message>
        <source>The agency server sent an unreadable answer. Your changes are safe on this tablet and will be sent later.</source>
        <translation>El servidor de la agencia envió una respuesta ilegible. Sus cambios están seguros en esta tableta y se enviarán más tarde.</translation>
    </message>
    <message>
        <source>The agency signed this tablet out (revoked it), and the data on it has been wiped. You can enrol it again.</source>
        <translation>La agencia cerró la sesión de esta tableta (la revocó) y se borraron sus datos. Puede volver a registrarla.</translation>
    </message>
    <message>
        <source>The agency no longer recognises this tablet (its server may have a new database). Nothing was wiped: your unsent changes are kept here. Enrol this tablet again to go on.</source>
        <translation>La agencia ya no reconoce esta tableta (puede que su servidor tenga una base de datos nueva). No se borró nada: sus cambios no enviados se conservan aquí. Vuelva a registrar esta tableta para continuar.</translation>
    </message>
    <message>
        <source>The agency server is having trouble (%1). Your changes are safe and will be sent later.</source>
        <translation>El servidor de la agencia tiene problemas (%1). Sus cambios están seguros y se enviarán más tarde.</translation>
    </message>
    <message>
        <source>The agency server refused the sync: %1. Contact your supervisor; your changes stay on this tablet.</source>
        <translation>El servidor de la agencia rechazó la sincronización: %1. Comuníquese con su supervisor/a; sus cambios se quedan en esta tableta.</translation>
    </message>
    <message>
        <source>Contacting the agency server</source>
        <translation>Conectando con el servidor de la agencia</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Enviando cambios</translation>
    </message>
    <message>
        <source>The agency server needs some changes again; they will be sent at the next sync.</source>
        <translation>El servidor de la agencia necesita que se vuelvan a enviar algunos cambios; se enviarán en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The agency server did not accept the changes.</source>
        <translation>El servidor de la agencia no aceptó los cambios.</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Recibiendo cambios</translation>
    </message>
</context>
<context>
    <name>careround::DirectoryController</name>
    <message>
        <source>Not rated yet</source>
        <translation>Aún sin calificar</translation>
    </message>
    <message>
        <source>Rated %1 of 5 (1 rating)</source>
        <translation>Calificación: %1 de 5 (1 calificación)</translation>
    </message>
    <message>
        <source>Rated %1 of 5 (%2 ratings)</source>
        <translation>Calificación: %1 de 5 (%2 calificaciones)</translation>
    </message>
    <message>
        <source>1 provider matches</source>
        <translation>1 proveedor coincide</translation>
    </message>
    <message>
        <source>%1 providers match</source>
        <translation>%1 proveedores coinciden</translation>
    </message>
    <message>
        <source>%1, %2 of them discontinued</source>
        <comment>providers match, n discontinued</comment>
        <translation>%1, %2 de ellos dados de baja</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The store is locked: unlock it to make changes</source>
        <translation>El almacén está bloqueado: desbloquéelo para hacer cambios</translation>
    </message>
</context>
<context>
    <name>careround::DocumentExportController</name>
    <message>
        <source>Cannot make the folder %1</source>
        <translation>No se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>No client has the id %1</source>
        <translation>Ningún cliente tiene el id %1</translation>
    </message>
    <message>
        <source>Appointments of %1</source>
        <translation>Citas de %1</translation>
    </message>
</context>
<context>
    <name>careround::Instruments</name>
    <message>
        <source>There is no instrument &quot;%1&quot;</source>
        <translation>No existe el instrumento «%1»</translation>
    </message>
    <message>
        <source>%1 has no item &quot;%2&quot;</source>
        <translation>%1 no tiene el ítem «%2»</translation>
    </message>
    <message>
        <source>%1, %2: the answer must be between %3 and %4</source>
        <translation>%1, %2: la respuesta debe estar entre %3 y %4</translation>
    </message>
</context>
<context>
    <name>careround::KeptEditListModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>careround::LanguageSetting</name>
    <message>
        <source>This tablet&apos;s language</source>
        <translation>Idioma de esta tableta</translation>
    </message>
</context>
<context>
    <name>careround::LocalEditor</name>
    <message>
        <source>There is no record kind &quot;%1&quot;</source>
        <translation>No existe el tipo de registro «%1»</translation>
    </message>
    <message>
        <source>There is no %1 with this id</source>
        <translation>No hay ningún registro de tipo «%1» con este id</translation>
    </message>
    <message>
        <source>The record this %1 belongs to is signed; propose an amendment instead</source>
        <translation>El registro al que pertenece este elemento (%1) está firmado; proponga una enmienda en su lugar</translation>
    </message>
    <message>
        <source>A %1 is never edited; add a correction instead</source>
        <translation>Un registro de tipo «%1» nunca se edita; agregue una corrección en su lugar</translation>
    </message>
    <message>
        <source>This %1 was voided and cannot be edited</source>
        <translation>Este registro (%1) se anuló y no se puede editar</translation>
    </message>
    <message>
        <source>This %1 is signed and cannot be edited; propose an amendment instead</source>
        <translation>Este registro (%1) está firmado y no se puede editar; proponga una enmienda en su lugar</translation>
    </message>
    <message>
        <source>A reason is required to void a record</source>
        <translation>Se necesita un motivo para anular un registro</translation>
    </message>
    <message>
        <source>A %1 cannot be voided; add a correction instead</source>
        <translation>Un registro de tipo «%1» no se puede anular; agregue una corrección en su lugar</translation>
    </message>
    <message>
        <source>This %1 is signed and cannot be voided</source>
        <translation>Este registro (%1) está firmado y no se puede anular</translation>
    </message>
    <message>
        <source>A %1 cannot be signed</source>
        <translation>Un registro de tipo «%1» no se puede firmar</translation>
    </message>
    <message>
        <source>The signature pad is empty: ask the signer to sign</source>
        <translation>El panel de firma está vacío: pida a la persona que firme</translation>
    </message>
    <message>
        <source>A voided %1 cannot be signed</source>
        <translation>Un registro anulado de tipo «%1» no se puede firmar</translation>
    </message>
    <message>
        <source>This %1 is already signed</source>
        <translation>Este registro (%1) ya está firmado</translation>
    </message>
</context>
<context>
    <name>careround::PinLock</name>
    <message>
        <source>The PIN must be 4 to 8 digits</source>
        <translation>El PIN debe tener de 4 a 8 dígitos</translation>
    </message>
</context>
<context>
    <name>careround::PlanController</name>
    <message>
        <source>specific (say what the goal is)</source>
        <translation>específica (diga cuál es la meta)</translation>
    </message>
    <message>
        <source>measurable (a measure and a target value)</source>
        <translation>medible (una medida y un valor objetivo)</translation>
    </message>
    <message>
        <source>achievable (why it can be done)</source>
        <translation>alcanzable (por qué se puede lograr)</translation>
    </message>
    <message>
        <source>relevant (why it matters to the client)</source>
        <translation>relevante (por qué es importante para el cliente)</translation>
    </message>
    <message>
        <source>time-bound (a target date)</source>
        <translation>con plazo (una fecha objetivo)</translation>
    </message>
    <message>
        <source>Provider not on this device</source>
        <translation>El proveedor no está en este dispositivo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Signed by %1 (%2) on %3. Goals, steps and contingencies can no longer be changed: propose an amendment instead. Statuses, progress and the review date can still be updated.</source>
        <translation>Firmado por %1 (%2) el %3. Las metas, los pasos y los planes de contingencia ya no se pueden cambiar: proponga una enmienda en su lugar. Los estados, el progreso y la fecha de revisión todavía se pueden actualizar.</translation>
    </message>
    <message>
        <source>SMART: complete</source>
        <translation>SMART: completa</translation>
    </message>
    <message>
        <source>Not SMART yet. Missing: %1</source>
        <translation>Aún no es SMART. Falta: %1</translation>
    </message>
    <message>
        <source>%1 of %2 goals are SMART</source>
        <translation>%1 de %2 metas son SMART</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha límite</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>vence el %1</translation>
    </message>
    <message>
        <source>Choose a client first</source>
        <translation>Primero elija un cliente</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <source>This cannot be changed on the care plan</source>
        <translation>Esto no se puede cambiar en el plan de atención</translation>
    </message>
    <message>
        <source>Start a plan first</source>
        <translation>Primero inicie un plan</translation>
    </message>
    <message>
        <source>Say what the goal is</source>
        <translation>Diga cuál es la meta</translation>
    </message>
    <message>
        <source>Say what the step is</source>
        <translation>Diga cuál es el paso</translation>
    </message>
    <message>
        <source>Write both the barrier and the alternative</source>
        <translation>Escriba el obstáculo y la alternativa</translation>
    </message>
    <message>
        <source>This cannot be removed from the care plan</source>
        <translation>Esto no se puede quitar del plan de atención</translation>
    </message>
    <message>
        <source>Only the current plan can be replaced</source>
        <translation>Solo se puede reemplazar el plan vigente</translation>
    </message>
    <message>
        <source>No progress recorded yet</source>
        <translation>Aún no se ha registrado ningún avance</translation>
    </message>
    <message>
        <source>%1% on %2</source>
        <translation>%1% el %2</translation>
    </message>
    <message numerus="yes">
        <source>up %n points since the first update</source>
        <translation>
            <numerusform>%n punto más desde la primera actualización</numerusform>
            <numerusform>%n puntos más desde la primera actualización</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>down %n points since the first update</source>
        <translation>
            <numerusform>%n punto menos desde la primera actualización</numerusform>
            <numerusform>%n puntos menos desde la primera actualización</numerusform>
        </translation>
    </message>
    <message>
        <source>no change since the first update</source>
        <translation>sin cambios desde la primera actualización</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>At review on %1: %2</source>
        <translation>En la revisión del %1: %2</translation>
    </message>
    <message>
        <source>Enter the progress, 0 to 100</source>
        <translation>Escriba el avance, de 0 a 100</translation>
    </message>
</context>
<context>
    <name>careround::RecordFormController</name>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD, for example 2026-12-31</source>
        <translation>Escriba la fecha como AAAA-MM-DD, por ejemplo, 2026-12-31</translation>
    </message>
    <message>
        <source>Add at least one</source>
        <translation>Agregue al menos uno</translation>
    </message>
    <message>
        <source>This cannot be left empty</source>
        <translation>Esto no puede quedar vacío</translation>
    </message>
    <message>
        <source>The tablet is locked.</source>
        <translation>La tableta está bloqueada.</translation>
    </message>
    <message>
        <source>Check the fields marked below: nothing was saved.</source>
        <translation>Revise los campos marcados abajo: no se guardó nada.</translation>
    </message>
    <message>
        <source>Follow up: %1</source>
        <translation>Seguimiento: %1</translation>
    </message>
    <message>
        <source>Say why it is removed (for example: entered by mistake, no longer involved).</source>
        <translation>Diga por qué se quita (por ejemplo: se ingresó por error, ya no participa).</translation>
    </message>
</context>
<context>
    <name>careround::RecordInput</name>
    <message>
        <source>This field cannot be edited here</source>
        <translation>Este campo no se puede editar aquí</translation>
    </message>
    <message>
        <source>This cannot be left empty</source>
        <translation>Esto no puede quedar vacío</translation>
    </message>
    <message>
        <source>Enter a whole number</source>
        <translation>Escriba un número entero</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD, for example 2026-12-31</source>
        <translation>Escriba la fecha como AAAA-MM-DD, por ejemplo, 2026-12-31</translation>
    </message>
    <message>
        <source>Enter the date and time as YYYY-MM-DD HH:MM, for example 2026-12-31 14:30</source>
        <translation>Escriba la fecha y la hora como AAAA-MM-DD HH:MM, por ejemplo, 2026-12-31 14:30</translation>
    </message>
    <message>
        <source>Choose one of the offered values</source>
        <translation>Elija uno de los valores ofrecidos</translation>
    </message>
    <message>
        <source>Enter a number from %1 to %2</source>
        <translation>Escriba un número del %1 al %2</translation>
    </message>
</context>
<context>
    <name>careround::RecordValidator</name>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 tiene más de %2 caracteres</translation>
    </message>
    <message>
        <source>%1 is nested deeper than %2 levels</source>
        <translation>%1 está anidado a más de %2 niveles</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes of JSON</source>
        <translation>%1 ocupa más de %2 bytes de JSON</translation>
    </message>
    <message>
        <source>%1 has a field whose name is empty or longer than 64 characters</source>
        <translation>%1 tiene un campo cuyo nombre está vacío o tiene más de 64 caracteres</translation>
    </message>
    <message>
        <source>%1 is required and cannot be cleared</source>
        <translation>%1 es obligatorio y no se puede borrar</translation>
    </message>
    <message>
        <source>%1 must be %2</source>
        <translation>%1 debe ser %2</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 es obligatorio</translation>
    </message>
    <message>
        <source>%1 must be one of: %2</source>
        <translation>%1 debe ser uno de estos: %2</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3</source>
        <translation>%1 debe estar entre %2 y %3</translation>
    </message>
    <message>
        <source>%1 has more than %2 items</source>
        <translation>%1 tiene más de %2 elementos</translation>
    </message>
    <message>
        <source>The edit to %1 changes nothing</source>
        <translation>La edición de «%1» no cambia nada</translation>
    </message>
    <message>
        <source>%1 has no field &quot;%2&quot;</source>
        <translation>%1 no tiene el campo «%2»</translation>
    </message>
    <message>
        <source>A %1 cannot move from &quot;%2&quot; to &quot;%3&quot;</source>
        <translation>Un registro de tipo «%1» no puede pasar de «%2» a «%3»</translation>
    </message>
</context>
<context>
    <name>careround::RefusedListModel</name>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>This client was moved to another coordinator before you made this change. The office has it and will decide whether to apply it.</source>
        <translation>Este cliente se asignó a otro/a coordinador/a antes de que usted hiciera este cambio. La oficina lo tiene y decidirá si lo aplica.</translation>
    </message>
    <message>
        <source>Your account may not change this record. The office has the change and will decide what to do with it.</source>
        <translation>Su cuenta no tiene permiso para cambiar este registro. La oficina tiene el cambio y decidirá qué hacer con él.</translation>
    </message>
    <message>
        <source>The agency server does not know this kind of record yet. The office has the change.</source>
        <translation>El servidor de la agencia aún no conoce este tipo de registro. La oficina tiene el cambio.</translation>
    </message>
    <message>
        <source>The agency server could not accept this change (%1). The office has it and will decide what to do with it.</source>
        <translation>El servidor de la agencia no pudo aceptar este cambio (%1). La oficina lo tiene y decidirá qué hacer con él.</translation>
    </message>
    <message>
        <source>Change to a %1</source>
        <translation>Cambio en un registro de tipo «%1»</translation>
    </message>
</context>
<context>
    <name>careround::Schema</name>
    <message>
        <source>coordinator</source>
        <translation>coordinador/a</translation>
    </message>
    <message>
        <source>device</source>
        <translation>dispositivo</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>persona de contacto</translation>
    </message>
    <message>
        <source>assessment</source>
        <translation>evaluación</translation>
    </message>
    <message>
        <source>assessment answer</source>
        <translation>respuesta de evaluación</translation>
    </message>
    <message>
        <source>care plan</source>
        <translation>plan de atención</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>meta</translation>
    </message>
    <message>
        <source>goal progress update</source>
        <translation>actualización del progreso de la meta</translation>
    </message>
    <message>
        <source>action step</source>
        <translation>paso de acción</translation>
    </message>
    <message>
        <source>contingency</source>
        <translation>plan de contingencia</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>proveedor</translation>
    </message>
    <message>
        <source>provider rating</source>
        <translation>calificación del proveedor</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>derivación</translation>
    </message>
    <message>
        <source>benefit application</source>
        <translation>solicitud de beneficios</translation>
    </message>
    <message>
        <source>appointment</source>
        <translation>cita</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>visit note</source>
        <translation>nota de visita</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>seguimiento</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>queja</translation>
    </message>
    <message>
        <source>contact log entry</source>
        <translation>entrada del registro de contactos</translation>
    </message>
    <message>
        <source>consent to share information</source>
        <translation>consentimiento para compartir información</translation>
    </message>
    <message>
        <source>complaint action</source>
        <translation>acción sobre la queja</translation>
    </message>
    <message>
        <source>satisfaction response</source>
        <translation>respuesta de satisfacción</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>firma</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflicto</translation>
    </message>
    <message>
        <source>audit event</source>
        <translation>evento de auditoría</translation>
    </message>
</context>
<context>
    <name>careround::ScreenController</name>
    <message>
        <source>The store is locked: unlock it to make changes</source>
        <translation>El almacén está bloqueado: desbloquéelo para hacer cambios</translation>
    </message>
</context>
<context>
    <name>careround::ServicesController</name>
    <message>
        <source>Choose a client first</source>
        <translation>Primero elija un cliente</translation>
    </message>
    <message>
        <source>No goal</source>
        <translation>Sin meta</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>enviada el %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>iniciada el %1</translation>
    </message>
    <message>
        <source>Provider not on this device</source>
        <translation>El proveedor no está en este dispositivo</translation>
    </message>
    <message>
        <source>Serves no goal yet</source>
        <translation>Aún no sirve a ninguna meta</translation>
    </message>
    <message>
        <source>For the goal: %1</source>
        <translation>Para la meta: %1</translation>
    </message>
    <message>
        <source>Choose a provider from the directory</source>
        <translation>Elija un proveedor del directorio</translation>
    </message>
    <message>
        <source>%1 is discontinued: choose an active provider</source>
        <translation>%1 está dado de baja: elija un proveedor activo</translation>
    </message>
    <message>
        <source>Name the benefit program</source>
        <translation>Indique el programa de beneficios</translation>
    </message>
    <message>
        <source>Say what the appointment is for</source>
        <translation>Diga para qué es la cita</translation>
    </message>
    <message>
        <source>This cannot be changed here</source>
        <translation>Esto no se puede cambiar aquí</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultado: %1</translation>
    </message>
    <message>
        <source>your rating %1 of 5</source>
        <translation>su calificación: %1 de 5</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>cerrada el %1</translation>
    </message>
</context>
<context>
    <name>careround::Session</name>
    <message>
        <source>The agency signed this tablet out, and the client data on it has been wiped. To go on working, enrol it again with your login.</source>
        <translation>La agencia cerró la sesión de esta tableta y se borraron los datos de los clientes que contenía. Para seguir trabajando, vuelva a registrarla con su usuario.</translation>
    </message>
    <message>
        <source>The agency no longer recognises this tablet: its server may have a new database. Nothing was wiped, and your unsent changes are kept on this tablet. Enrol it again: with your own login they are sent; with another login they are kept for review, not sent.</source>
        <translation>La agencia ya no reconoce esta tableta: puede que su servidor tenga una base de datos nueva. No se borró nada y sus cambios no enviados se conservan en esta tableta. Vuelva a registrarla: con su propio usuario, los cambios se envían; con otro usuario, se conservan para revisión y no se envían.</translation>
    </message>
    <message>
        <source>Unlock the tablet first.</source>
        <translation>Primero desbloquee la tableta.</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>El PIN debe tener de 4 a 8 dígitos.</translation>
    </message>
    <message>
        <source>There is no data on this tablet.</source>
        <translation>No hay datos en esta tableta.</translation>
    </message>
    <message>
        <source>That PIN is not right. Attempts left before this tablet is wiped: %1</source>
        <translation>Ese PIN no es correcto. Intentos restantes antes de que se borre esta tableta: %1</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the data on this tablet has been wiped. Ask your supervisor to enrol it again.</source>
        <translation>Demasiados PIN incorrectos: se borraron los datos de esta tableta. Pida a su supervisor/a que la vuelva a registrar.</translation>
    </message>
</context>
<context>
    <name>careround::SignOffController</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Signed by %1 on %2. This %3 is sealed and cannot be edited; a change now is an amendment for a supervisor to review.</source>
        <translation>Firmado por %1 el %2. Este documento (%3) está sellado y no se puede editar; ahora, cualquier cambio es una enmienda que revisará un/a supervisor/a.</translation>
    </message>
    <message>
        <source>There is nothing to sign</source>
        <translation>No hay nada que firmar</translation>
    </message>
    <message>
        <source>Enter the name of the person signing</source>
        <translation>Ingrese el nombre de la persona que firma</translation>
    </message>
    <message>
        <source>Choose whether the client or a representative signs</source>
        <translation>Elija si firma el cliente o un/a representante</translation>
    </message>
    <message>
        <source>Signed. The %1 is now sealed.</source>
        <translation>Firmado. El documento (%1) quedó sellado.</translation>
    </message>
    <message>
        <source>There is nothing to amend</source>
        <translation>No hay nada que enmendar</translation>
    </message>
    <message>
        <source>This %1 is not signed yet: change it directly</source>
        <translation>Este documento (%1) aún no está firmado: cámbielo directamente</translation>
    </message>
    <message>
        <source>Write the change you propose</source>
        <translation>Escriba el cambio que propone</translation>
    </message>
    <message>
        <source>This %1 has no such field</source>
        <translation>Este documento (%1) no tiene ese campo</translation>
    </message>
    <message>
        <source>Amendment proposed. A supervisor will review it after the next sync.</source>
        <translation>Enmienda propuesta. Un/a supervisor/a la revisará después de la próxima sincronización.</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>Plan de atención</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>%1 assessment</source>
        <translation>Evaluación: %1</translation>
    </message>
    <message>
        <source>Visit record</source>
        <translation>Registro de visita</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Score, %1: %2 of %3, %4</source>
        <translation>Puntuación, %1: %2 de %3, %4</translation>
    </message>
    <message>
        <source>Score, %1: %2 of %3 items answered</source>
        <translation>Puntuación, %1: %2 de %3 ítems respondidos</translation>
    </message>
    <message>
        <source>client</source>
        <translation>cliente</translation>
    </message>
    <message>
        <source>representative</source>
        <translation>representante</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>En espera de un/a supervisor/a</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Resuelta</translation>
    </message>
    <message numerus="yes">
        <source>Goals (%n)</source>
        <translation>
            <numerusform>Meta (%n)</numerusform>
            <numerusform>Metas (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Action steps (%n)</source>
        <translation>
            <numerusform>Paso de acción (%n)</numerusform>
            <numerusform>Pasos de acción (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Contingencies (%n)</source>
        <translation>
            <numerusform>Plan de contingencia (%n)</numerusform>
            <numerusform>Planes de contingencia (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Answers (%n)</source>
        <translation>
            <numerusform>Respuesta (%n)</numerusform>
            <numerusform>Respuestas (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::SqliteDatabase</name>
    <message>
        <source>Cannot open the database file: %1</source>
        <translation>No se puede abrir el archivo de la base de datos: %1</translation>
    </message>
    <message>
        <source>The passphrase does not open this store (wrong key, or the file is not a CareRound store)</source>
        <translation>La frase de contraseña no abre este almacén (clave incorrecta, o el archivo no es un almacén de CareRound)</translation>
    </message>
    <message>
        <source>Cannot read the database file</source>
        <translation>No se puede leer el archivo de la base de datos</translation>
    </message>
</context>
<context>
    <name>careround::SyncEngine</name>
    <message>
        <source>Offline. Your changes are saved on this tablet.</source>
        <translation>Sin conexión. Sus cambios se guardan en esta tableta.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Al día</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>This tablet could not update its store: %1</source>
        <translation>Esta tableta no pudo actualizar su almacén: %1</translation>
    </message>
</context>
<context>
    <name>careround::SyncTransport</name>
    <message>
        <source>The agency server cannot be reached</source>
        <translation>No se puede acceder al servidor de la agencia</translation>
    </message>
    <message>
        <source>The agency server did not answer in time</source>
        <translation>El servidor de la agencia no respondió a tiempo</translation>
    </message>
    <message>
        <source>The agency server&apos;s certificate is not the one this tablet trusts</source>
        <translation>El certificado del servidor de la agencia no es el que esta tableta considera de confianza</translation>
    </message>
    <message>
        <source>The connection to the agency server failed</source>
        <translation>Falló la conexión con el servidor de la agencia</translation>
    </message>
    <message>
        <source>The agency server sent an unreadable answer</source>
        <translation>El servidor de la agencia envió una respuesta ilegible</translation>
    </message>
</context>
<context>
    <name>careround::TodayModel</name>
    <message>
        <source>Nothing planned today</source>
        <translation>Nada programado para hoy</translation>
    </message>
    <message>
        <source>Visits and appointments: %1</source>
        <translation>Visitas y citas: %1</translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation>No hay seguimientos pendientes</translation>
    </message>
    <message>
        <source>Overdue: %1 · due today: %2</source>
        <translation>Vencidos: %1 · para hoy: %2</translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation>Sin alertas</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Alertas: %1</translation>
    </message>
    <message>
        <source>Overdue since yesterday</source>
        <translation>Venció ayer</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message>
        <source>Assessed %1</source>
        <translation>Evaluación del %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 a las %2</translation>
    </message>
    <message>
        <source>Ran out %1</source>
        <translation>Venció el %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <source>Visit: %1</source>
        <translation>Visita: %1</translation>
    </message>
    <message>
        <source>Appointment: %1</source>
        <translation>Cita: %1</translation>
    </message>
    <message>
        <source>Thoughts of self-harm on the PHQ-9: ask about safety today</source>
        <translation>Pensamientos de hacerse daño en el PHQ-9: pregunte hoy sobre su seguridad</translation>
    </message>
    <message>
        <source>Severe depression on the PHQ-9</source>
        <translation>Depresión grave en el PHQ-9</translation>
    </message>
    <message>
        <source>No transport arranged for %1</source>
        <translation>No se ha organizado transporte para %1</translation>
    </message>
    <message>
        <source>Consent to share with %1 has expired</source>
        <translation>El consentimiento para compartir con %1 venció</translation>
    </message>
    <message>
        <source>In progress since %1</source>
        <translation>En curso desde las %1</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Completed, checked out %1</source>
        <translation>Completada, salida a las %1</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificada</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>With %1 · %2</source>
        <translation>Con %1 · %2</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Prioridad alta</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Prioridad baja</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>Prioridad normal</translation>
    </message>
    <message>
        <source>Score so far %1 of 27 (not finished)</source>
        <translation>Puntuación hasta ahora: %1 de 27 (sin terminar)</translation>
    </message>
    <message>
        <source>Score %1 of 27: %2</source>
        <translation>Puntuación: %1 de 27: %2</translation>
    </message>
    <message>
        <source>Arrange a ride or ask family</source>
        <translation>Organice un traslado o pida ayuda a la familia</translation>
    </message>
    <message>
        <source>With %1 · arrange a ride or ask family</source>
        <translation>Con %1 · organice un traslado o pida ayuda a la familia</translation>
    </message>
    <message>
        <source>Ask the client to sign a new consent before sharing more</source>
        <translation>Pida al cliente que firme un nuevo consentimiento antes de compartir más</translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n days (%1)</source>
        <translation>
            <numerusform>Venció hace %n día (%1)</numerusform>
            <numerusform>Venció hace %n días (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>careround::UnlockController</name>
    <message>
        <source>%1. If the fingerprint below is the one your agency gave you, tick &quot;Trust&quot; and enrol again.</source>
        <translation>%1. Si la huella digital de abajo es la que le dio su agencia, marque «Confiar» y vuelva a registrar la tableta.</translation>
    </message>
    <message>
        <source>The app is not ready yet. Close it and open it again.</source>
        <translation>La aplicación aún no está lista. Ciérrela y vuelva a abrirla.</translation>
    </message>
    <message>
        <source>Enter the agency server&apos;s address, your login and your password.</source>
        <translation>Ingrese la dirección del servidor de la agencia, su usuario y su contraseña.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least %1 characters.</source>
        <translation>Elija una frase de contraseña de al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Las dos frases de contraseña no son iguales. Escríbalas de nuevo.</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>Ingrese su frase de contraseña.</translation>
    </message>
    <message>
        <source>This passphrase does not open the data on this tablet. Check for typing mistakes (and Caps Lock) and try again.</source>
        <translation>Esta frase de contraseña no abre los datos de esta tableta. Revise si hay errores de escritura (y las mayúsculas activadas) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The data on this tablet was saved by a newer version of CareRound. Update the app to open it.</source>
        <translation>Los datos de esta tableta se guardaron con una versión más reciente de CareRound. Actualice la aplicación para abrirlos.</translation>
    </message>
    <message>
        <source>The data on this tablet could not be opened: %1</source>
        <translation>No se pudieron abrir los datos de esta tableta: %1</translation>
    </message>
</context>
<context>
    <name>careround::VisitController</name>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>%1 · signed</source>
        <translation>%1 · firmada</translation>
    </message>
    <message>
        <source>This visit cannot be checked in</source>
        <translation>No se puede registrar la llegada a esta visita</translation>
    </message>
    <message>
        <source>Check in before checking out</source>
        <translation>Registre la llegada antes de registrar la salida</translation>
    </message>
    <message>
        <source>Check in before writing notes</source>
        <translation>Registre la llegada antes de escribir notas</translation>
    </message>
    <message>
        <source>Write the note first</source>
        <translation>Primero escriba la nota</translation>
    </message>
    <message>
        <source>Check in before adding follow-ups</source>
        <translation>Registre la llegada antes de agregar seguimientos</translation>
    </message>
    <message>
        <source>Say what needs following up</source>
        <translation>Diga qué hay que seguir</translation>
    </message>
    <message>
        <source>Write the due date as year-month-day, for example %1</source>
        <translation>Escriba la fecha límite como año-mes-día, por ejemplo, %1</translation>
    </message>
    <message>
        <source>Check in before recording a complaint</source>
        <translation>Registre la llegada antes de registrar una queja</translation>
    </message>
    <message>
        <source>Give the complaint a subject</source>
        <translation>Póngale un asunto a la queja</translation>
    </message>
    <message>
        <source>Say what step was taken</source>
        <translation>Diga qué paso se tomó</translation>
    </message>
    <message>
        <source>Check in before asking about satisfaction</source>
        <translation>Registre la llegada antes de preguntar por la satisfacción</translation>
    </message>
    <message>
        <source>This cannot be changed during a visit</source>
        <translation>Esto no se puede cambiar durante una visita</translation>
    </message>
    <message>
        <source>Planned %1</source>
        <translation>Planificada: %1</translation>
    </message>
    <message>
        <source>Checked in %1</source>
        <translation>Llegada: %1</translation>
    </message>
    <message>
        <source>Checked out %1</source>
        <translation>Salida: %1</translation>
    </message>
    <message>
        <source>Corrects the note of %1</source>
        <translation>Corrige la nota de %1</translation>
    </message>
    <message>
        <source>another visit</source>
        <translation>otra visita</translation>
    </message>
    <message>
        <source>Done %1</source>
        <translation>Hecho: %1</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Venció el %1</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vence hoy</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence el %1</translation>
    </message>
    <message>
        <source>Raised %1</source>
        <translation>Presentada el %1</translation>
    </message>
    <message>
        <source>%1: %2 by %3</source>
        <translation>%1: %2 para el %3</translation>
    </message>
</context>
</TS>
