#!/usr/bin/python3
"""Parses an iCalendar file with the icalendar package (Debian python3-icalendar) and prints
its time zones and events as JSON: UID, SEQUENCE, start and end (UTC ISO for timed events, the
date for all-day ones), summary, location, description, status."""
import datetime
import json
import sys

import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {'name': str(cal.get('X-WR-CALNAME', '')), 'timezones': [], 'events': []}
for tz in cal.walk('VTIMEZONE'):
    out['timezones'].append({'tzid': str(tz['TZID']),
                             'parts': len(tz.subcomponents)})
for ev in cal.walk('VEVENT'):
    start = ev.decoded('DTSTART')
    end = ev.decoded('DTEND')
    timed = isinstance(start, datetime.datetime)
    if timed and start.tzinfo is None:
        sys.exit('floating time in %s' % ev['UID'])
    out['events'].append({
        'uid': str(ev['UID']),
        'sequence': int(ev.get('SEQUENCE', 0)),
        'allDay': not timed,
        'start': start.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') if timed else start.isoformat(),
        'end': end.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') if timed else end.isoformat(),
        'tzid': str(ev['DTSTART'].params.get('TZID', '')),
        'summary': str(ev.get('SUMMARY', '')),
        'location': str(ev.get('LOCATION', '')),
        'description': str(ev.get('DESCRIPTION', '')),
        'status': str(ev.get('STATUS', '')),
    })
print(json.dumps(out))
