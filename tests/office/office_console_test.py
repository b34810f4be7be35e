#!/usr/bin/python3
"""The office console in a real browser (headless Chromium driven by Selenium) against the
real careround-server process on 127.0.0.1, port 0, over the demo agency, on SQLite or (when
CAREROUND_TEST_PG_DIR names the test cluster) PostgreSQL. Tablets are real device stores
synced by the `syncdevice` test program. Every wait is for a state of the page, never a time.

Environment: CAREROUND_SERVER and SYNCDEVICE (the programs), CAREROUND_SCREENSHOTS (where
the page screenshots go), CAREROUND_TEST_PG_DIR (optional).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException,
                                        TimeoutException)
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

SERVER = os.environ["CAREROUND_SERVER"]
SYNCDEVICE = os.environ["SYNCDEVICE"]
SHOTS = os.environ.get("CAREROUND_SCREENSHOTS", "screenshots/office")
PASSWORD = "demo-password"
WAIT = 60  # the longest a state may take to appear (a bound, never a sleep)

# Checks of the page: every input labelled, and every piece of text at 4.5:1 or more
# against the background it is drawn on.
A11Y_JS = r"""
const problems = [];
for (const input of document.querySelectorAll('input, select, textarea')) {
  if (input.type === 'hidden' || input.offsetParent === null) continue;
  const labelled = (input.id && document.querySelector(`label[for="${input.id}"]`)) ||
      input.getAttribute('aria-label') || input.closest('label');
  if (!labelled) problems.push(`unlabelled ${input.tagName} ${input.id || input.name}`);
}
const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
const lum = ([r, g, b]) => {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
};
const background = (node) => {
  for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
  }
  return [255, 255, 255];
};
for (const node of document.querySelectorAll('body *')) {
  if (node.offsetParent === null && node.tagName !== 'BODY') continue;
  const text = [...node.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('').trim();
  if (!text) continue;
  const style = getComputedStyle(node);
  if (style.visibility === 'hidden' || node.closest('[disabled]')) continue;
  const fg = rgb(style.color).slice(0, 3);
  const bg = background(node);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  const ratio = (a + 0.05) / (b + 0.05);
  if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)} for "${text.slice(0, 40)}" (${style.color} on rgb(${bg}))`);
}
return problems;
"""

FETCH_JS = r"""
const [method, path, body, csrf, type, done] = arguments;
const headers = {};
if (type) headers['Content-Type'] = type;
// The page keeps its CSRF token to itself: ask the API for it, as a reloaded page does.
const token = csrf ? fetch('/v1/office/session', {credentials: 'same-origin'}).then((r) => r.json()).then((j) => j.csrf)
                   : Promise.resolve(null);
token.then((t) => { if (t) headers['X-CSRF-Token'] = t; return fetch(path, {method, headers, credentials: 'same-origin', body: body === null ? undefined : JSON.stringify(body)})
}).then(async (r) => done({status: r.status, body: await r.json().catch(() => ({}))}))
  .catch((e) => done({status: 0, body: {message: String(e)}}));
"""


def postgres_url(pg_dir):
    port = open(os.path.join(pg_dir, "port")).read().strip()
    name = "careround_office_%d" % os.getpid()
    psql = ["psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-q", "-c"]
    subprocess.run(psql + ["DROP DATABASE IF EXISTS %s" % name], check=True)
    subprocess.run(psql + ["CREATE DATABASE %s" % name], check=True)
    return "postgresql://postgres@127.0.0.1:%s/%s" % (port, name)


class OfficeConsoleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="careround-office-")
        pg_dir = os.environ.get("CAREROUND_TEST_PG_DIR")
        cls.db = postgres_url(pg_dir) if pg_dir else "sqlite:%s/agency.db" % cls.dir
        env = dict(os.environ, CAREROUND_PASSWORD=PASSWORD)
        subprocess.run([SERVER, "admin", "--db", cls.db, "--log-level", "warning", "seed-demo", "40"],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        cls.server = subprocess.Popen([SERVER, "serve", "--db", cls.db, "--port", "0", "--log-level", "warning"],
                                      stdout=subprocess.PIPE, text=True)
        for line in cls.server.stdout:
            match = re.search(r"listening on [^:]+:(\d+)", line)
            if match:
                cls.base = "http://127.0.0.1:%s" % match.group(1)
                break
        else:
            raise RuntimeError("the server did not start")
        options = Options()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--lang=en-US", "--force-prefers-reduced-motion"):
            options.add_argument(arg)
        cls.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                      options=options)
        os.makedirs(SHOTS, exist_ok=True)
        cls.store_count = 0
        cls.loads = 0

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.kill()
        cls.server.wait()
        shutil.rmtree(cls.dir, ignore_errors=True)

    # --- helpers -------------------------------------------------------------------------

    def wait(self, condition, timeout=WAIT):
        try:
            return WebDriverWait(self.driver, timeout, ignored_exceptions=[StaleElementReferenceException]).until(condition)
        except TimeoutException:
            self.shot("FAILED-" + self.id().split(".")[-1])
            print("page when the wait failed:\n" + self.driver.find_element(By.TAG_NAME, "body").text[:3000])
            raise

    def wait_text(self, css, text):
        self.wait(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))

    def sign_in(self, login, password=PASSWORD):
        d = self.driver
        d.delete_all_cookies()
        d.get(self.base + "/")
        self.wait(EC.element_to_be_clickable((By.ID, "login")))
        d.find_element(By.ID, "login").send_keys(login)
        d.find_element(By.ID, "password").send_keys(password)
        d.find_element(By.CSS_SELECTOR, "#sign-in-form button[type=submit]").click()
        self.wait(EC.visibility_of_element_located((By.CSS_SELECTOR, "#nav a")))
        self.wait_text("main h1", "Dashboard")

    def fetch(self, method, path, body=None, csrf=True, content_type="application/json"):
        return self.driver.execute_async_script(FETCH_JS, method, path, body, csrf, content_type)

    def go(self, page, heading):
        # A new load each time (the query differs), so the page shows the server's state now.
        OfficeConsoleTest.loads += 1
        self.driver.get("%s/?load=%d#/%s" % (self.base, OfficeConsoleTest.loads, page))
        self.wait_text("main h1", heading)

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(SHOTS, name + ".png"))

    def assert_accessible(self, page):
        problems = self.driver.execute_script(A11Y_JS)
        self.assertEqual(problems, [], "accessibility problems on %s" % page)

    def new_store(self):
        OfficeConsoleTest.store_count += 1
        return os.path.join(self.dir, "tablet-%d.db" % self.store_count)

    def sync(self, store, login, *extra, expect_ok=True):
        """Syncs a tablet; returns (state, records dumped)."""
        run = subprocess.run([SYNCDEVICE, store, self.base, login, PASSWORD, *extra],
                             capture_output=True, text=True, timeout=300)
        state = re.search(r"sync: (\S+)", run.stderr)
        state = state.group(1) if state else "none"
        if expect_ok:
            self.assertEqual(run.returncode, 0, run.stderr)
        records = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
        return state, records

    def client_of(self, login_name, offset=0):
        staff = self.fetch("GET", "/v1/office/staff-names")["body"]["staff"]
        account = next(s for s in staff if s["login"] == login_name)
        clients = self.fetch("GET", "/v1/office/clients?status=active&coordinator=%s" % account["id"])["body"]["clients"]
        return clients[offset], account

    # --- tests ---------------------------------------------------------------------------

    def test_a_sign_in_and_out(self):
        d = self.driver
        d.delete_all_cookies()
        d.get(self.base + "/")
        self.wait(EC.element_to_be_clickable((By.ID, "login")))
        self.assert_accessible("sign-in")
        self.shot("SignIn")
        # A wrong password is an error on the form, and no session.
        d.find_element(By.ID, "login").send_keys("renee")
        d.find_element(By.ID, "password").send_keys("not-the-password")
        d.find_element(By.CSS_SELECTOR, "#sign-in-form button[type=submit]").click()
        self.wait_text("#sign-in-form .alert-danger", "not right")
        self.assertEqual(self.fetch("GET", "/v1/office/dashboard", csrf=False, content_type=None)["status"], 401)
        # The keyboard alone: the login field has the focus, Tab to the password, Enter.
        d.find_element(By.ID, "login").clear()
        d.find_element(By.ID, "password").clear()
        d.find_element(By.ID, "login").click()
        d.switch_to.active_element.send_keys("renee", Keys.TAB)
        d.switch_to.active_element.send_keys(PASSWORD, Keys.ENTER)
        self.wait_text("main h1", "Dashboard")
        cookie = d.get_cookie("careround_session")
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie.get("sameSite"), "Strict")
        self.assertEqual(d.execute_script("return document.cookie"), "")  # not readable by scripts
        # Back from the page (which has the focus) to the Clients link, and Enter.
        for _ in range(40):
            d.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
            if d.switch_to.active_element.text == "Clients":
                break
        self.assertEqual(d.switch_to.active_element.text, "Clients")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        self.wait_text("main h1", "Clients")
        d.find_element(By.ID, "sign-out").click()
        self.wait(EC.element_to_be_clickable((By.ID, "login")))
        self.assertEqual(self.fetch("GET", "/v1/office/dashboard", csrf=False, content_type=None)["status"], 401)

    def test_b_every_page_renders_accessible_with_screenshots(self):
        self.sign_in("renee")
        pages = [("dashboard", "Dashboard"), ("clients", "Clients"), ("review", "Review"),
                 ("staff", "Staff and devices"), ("directory", "Resource directory"),
                 ("reports", "Reports"), ("audit", "Audit")]
        for page, heading in pages:
            self.go(page, heading)
            if page == "clients":
                self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#client-results table")))
            if page == "reports":
                self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#report-output[data-report] table")))
            if page == "audit":
                self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#audit-output table")))
            self.assert_accessible(page)
            self.shot(heading.replace(" ", ""))
        # A client with a signed document.
        _, alicia = self.client_of("alicia")
        mine = self.fetch("GET", "/v1/office/clients?coordinator=%s" % alicia["id"])["body"]["clients"]
        client = next(c for c in mine
                      if self.fetch("GET", "/v1/office/client?id=%s" % c["id"])["body"]["signatures"])
        self.go("client/" + client["id"], client["name"])
        self.driver.find_element(By.ID, "show-history").click()
        self.wait(EC.presence_of_element_located((By.CSS_SELECTOR, "#history table")))
        self.assert_accessible("chart")
        self.shot("ClientChart")
        # Its downloads: a signed document's PDF and the chart as FHIR, for the session only.
        links = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "main a[download]")]
        self.assertTrue(any("/v1/office/export/fhir?client=" in h for h in links), links)
        fhir = self.fetch("GET", "/v1/office/export/fhir?client=%s" % client["id"], csrf=False, content_type=None)
        self.assertEqual(fhir["status"], 200)
        self.assertEqual(fhir["body"]["resourceType"], "Bundle")
        pdfs = [h for h in links if "/v1/office/export/pdf?record=" in h]
        self.assertTrue(pdfs)
        status = self.driver.execute_async_script(
            "fetch(arguments[0], {credentials: 'same-origin'}).then((r) => arguments[1](r.status + ' ' + r.headers.get('content-type')))",
            pdfs[0])
        self.assertEqual(status, "200 application/pdf")
        # The chart's view is in the audit, with the viewer and the client (no content).
        events = self.fetch("GET", "/v1/office/audit?client=%s" % client["id"])["body"]["events"]
        self.assertTrue(any(e["action"] == "chart_viewed" for e in events), events)

    def test_c_every_report_renders(self):
        self.sign_in("renee")
        self.go("reports", "Reports")
        names = [o.get_attribute("value") for o in Select(self.driver.find_element(By.ID, "report-name")).options]
        self.assertEqual(len(names), 7)
        for name in names:
            Select(self.driver.find_element(By.ID, "report-name")).select_by_value(name)
            self.driver.find_element(By.CSS_SELECTOR, "#report-form button[type=submit]").click()
            self.wait(lambda d: d.find_element(By.ID, "report-output").get_attribute("data-report") == name)
            tables = self.driver.find_elements(By.CSS_SELECTOR, "#report-output table tbody tr")
            self.assertGreater(len(tables), 0, name)
            self.assertGreater(len(self.driver.find_elements(By.CSS_SELECTOR, "#report-output canvas")), 0, name)
            self.shot("Report-" + name)
        # A filter that matches nothing still renders, and a bad one is a clear error.
        bad = self.fetch("GET", "/v1/office/reports/visits?from=2026-13-01")
        self.assertEqual(bad["status"], 400)
        self.assertIn("from", bad["body"]["message"])

    def test_d_a_coordinator_cannot_reach_another_caseload(self):
        self.sign_in("renee")
        theirs, _ = self.client_of("daniel")
        self.sign_in("alicia")
        own, _ = self.client_of("alicia")
        foreign = self.fetch("GET", "/v1/office/client?id=%s" % theirs["id"])
        unknown = self.fetch("GET", "/v1/office/client?id=%s" % uuid.uuid4())
        self.assertEqual(foreign["status"], 404)
        self.assertEqual(foreign, unknown)  # the same answer: nothing about the record
        self.assertEqual(self.fetch("GET", "/v1/office/history?client=%s" % theirs["id"])["status"], 404)
        self.assertEqual(self.fetch("GET", "/v1/office/client?id=%s" % own["id"])["status"], 200)
        self.assertEqual(self.fetch("GET", "/v1/office/review")["status"], 403)
        self.assertEqual(self.fetch("GET", "/v1/office/export/fhir?client=%s" % theirs["id"], csrf=False,
                                    content_type=None)["status"], 404)
        self.assertEqual(self.fetch("GET", "/v1/office/staff")["status"], 403)
        listed = self.fetch("GET", "/v1/office/clients?limit=1000")["body"]["clients"]
        self.assertNotIn(theirs["id"], [c["id"] for c in listed])
        self.driver.get("%s/#/client/%s" % (self.base, theirs["id"]))
        self.wait_text("main", "There is no such record")
        nav = [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#nav a")]
        self.assertNotIn("Staff and devices", nav)

    def test_e_move_a_client_and_see_it_arrive_on_the_new_tablet(self):
        daniel_tablet = self.new_store()
        _, before = self.sync(daniel_tablet, "daniel", "--dump", "client")
        self.sign_in("renee")
        client, _ = self.client_of("alicia", offset=1)
        self.assertNotIn(client["id"], [r["id"] for r in before])
        self.go("clients", "Clients")
        search = self.driver.find_element(By.ID, "client-search")
        search.send_keys(client["name"])
        self.driver.find_element(By.CSS_SELECTOR, "#client-filters button[type=submit]").click()
        self.wait_text("#client-results", "1 client(s).")
        box = self.wait(EC.element_to_be_clickable((By.CSS_SELECTOR, 'input[value="%s"]' % client["id"])))
        box.click()
        Select(self.driver.find_element(By.ID, "move-to")).select_by_visible_text("Daniel Okoye")
        self.driver.find_element(By.CSS_SELECTOR, "#move-form button[type=submit]").click()
        self.wait_text("#move-status", "Daniel Okoye's caseload")
        self.shot("ClientsMoved")
        _, after = self.sync(daniel_tablet, "daniel", "--dump", "client")
        moved = [r for r in after if r["id"] == client["id"]]
        self.assertEqual(len(moved), 1)
        self.assertEqual(moved[0]["values"]["coordinatorId"], self.client_of("daniel")[1]["id"])

    def test_f_settle_a_conflict_of_two_tablets_and_see_it_on_both(self):
        first, second = self.new_store(), self.new_store()
        self.sync(first, "alicia")
        self.sync(second, "alicia")
        self.sign_in("renee")
        client, _ = self.client_of("alicia", offset=2)
        self.sync(first, "alicia", "--set", "client", client["id"], "phone", "555-0101")
        self.sync(second, "alicia", "--set", "client", client["id"], "phone", "555-0202")
        conflicts = self.fetch("GET", "/v1/office/review")["body"]["conflicts"]
        mine = [c for c in conflicts if c["recordId"] == client["id"] and c["field"] == "phone"]
        self.assertEqual(len(mine), 1, conflicts)
        other = mine[0]["other"]["value"]
        self.assertEqual({mine[0]["kept"]["value"], other}, {"555-0101", "555-0202"})
        self.go("review", "Review")
        row = self.wait(EC.presence_of_element_located(
            (By.XPATH, "//tr[td[contains(., '%s')] and td[contains(., 'client · phone')]]" % client["name"])))
        self.shot("ReviewConflict")
        row.find_element(By.XPATH, ".//button[contains(., 'Take the other value')]").click()
        self.wait(lambda d: "Settled" in row.text)
        for store in (first, second):
            _, records = self.sync(store, "alicia", "--dump", "client", "--dump", "conflict")
            mine_now = [r for r in records if r["id"] == client["id"]][0]
            self.assertEqual(mine_now["values"]["phone"], other)
            settled = [r for r in records if r["entity"] == "conflict" and r["values"].get("recordId") == client["id"]]
            self.assertEqual([r["values"]["status"] for r in settled], ["resolved"])
        # Settling twice is refused and changes nothing.
        again = self.fetch("POST", "/v1/office/conflicts/settle", {"id": mine[0]["id"], "choice": "kept"})
        self.assertEqual(again["status"], 409)

    def test_g_add_a_provider_discontinue_another_and_see_both_on_a_tablet(self):
        self.sign_in("renee")
        providers = self.fetch("GET", "/v1/office/providers")["body"]["providers"]
        target = next(p for p in providers if p["values"]["status"] == "active")
        self.go("directory", "Resource directory")
        # A bad form: no name. The error is shown and nothing is stored.
        self.driver.find_element(By.ID, "provider-phone").send_keys("555-0303")
        self.driver.find_element(By.CSS_SELECTOR, "#add-provider button[type=submit]").click()
        self.wait_text("#add-provider .alert-danger", "name")
        self.assertEqual(len(self.fetch("GET", "/v1/office/providers")["body"]["providers"]), len(providers))
        self.assertEqual(self.driver.find_element(By.ID, "provider-phone").get_attribute("value"), "555-0303")
        self.driver.find_element(By.ID, "provider-name").send_keys("Harbor Transit Vouchers")
        self.driver.find_element(By.ID, "provider-serviceTypes").send_keys("transportation, vouchers")
        self.driver.find_element(By.CSS_SELECTOR, "#add-provider button[type=submit]").click()
        self.wait_text("main table", "Harbor Transit Vouchers")
        date = self.driver.find_element(By.ID, "disc-date-%s" % target["id"])
        self.driver.execute_script("arguments[0].value = '2026-11-30';", date)
        self.driver.find_element(By.ID, "disc-reason-%s" % target["id"]).send_keys("Funding ended")
        date.find_element(By.XPATH, "./ancestor::form//button").click()
        self.wait(EC.presence_of_element_located((By.ID, "reactivate-%s" % target["id"])))
        self.shot("DirectoryChanged")
        _, records = self.sync(self.new_store(), "alicia", "--dump", "provider")
        by_name = {r["values"]["name"]: r for r in records}
        self.assertIn("Harbor Transit Vouchers", by_name)
        self.assertEqual(by_name["Harbor Transit Vouchers"]["values"]["serviceTypes"], ["transportation", "vouchers"])
        stopped = [r for r in records if r["id"] == target["id"]][0]["values"]
        self.assertEqual((stopped["status"], stopped["discontinuedOn"], stopped["discontinuedReason"]),
                         ("discontinued", "2026-11-30", "Funding ended"))

    def test_h_deactivate_an_account_and_revoke_a_tablet(self):
        self.sign_in("renee")
        self.go("staff", "Staff and devices")
        self.driver.find_element(By.ID, "new-login").send_keys("zoe")
        self.driver.find_element(By.ID, "new-name").send_keys("Zoe Park")
        self.driver.find_element(By.ID, "new-password").send_keys(PASSWORD)
        self.driver.find_element(By.CSS_SELECTOR, "#create-account button[type=submit]").click()
        toggle = self.wait(EC.element_to_be_clickable((By.ID, "toggle-zoe")))
        zoe_tablet = self.new_store()
        self.sync(zoe_tablet, "zoe")
        toggle.click()
        self.wait(lambda d: "Reactivate" in d.find_element(By.ID, "toggle-zoe").text)
        state, _ = self.sync(zoe_tablet, "zoe", expect_ok=False)
        self.assertEqual(state, "error")  # refused: account_deactivated (nothing wiped)
        # A tablet of alicia, revoked: its next sync is told so.
        tablet = self.new_store()
        self.sync(tablet, "alicia")
        self.go("staff", "Staff and devices")
        devices = [d for a in self.fetch("GET", "/v1/office/staff")["body"]["accounts"] if a["login"] == "alicia"
                   for d in a["devices"] if d["status"] == "active"]
        self.assertTrue(devices)
        newest = max(devices, key=lambda d: d["enrolledAt"] + d["id"])
        self.assertEqual(newest["pending"], 0)
        self.assertTrue(newest["lastSeen"])
        self.driver.find_element(By.ID, "revoke-%s" % newest["id"]).click()
        self.wait(EC.invisibility_of_element_located((By.ID, "revoke-%s" % newest["id"])))
        self.shot("StaffChanged")
        state, _ = self.sync(tablet, "alicia", expect_ok=False)
        self.assertEqual(state, "revoked")

    def test_i_values_are_text_and_state_changes_need_the_csrf_token(self):
        hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        tablet = self.new_store()
        self.sync(tablet, "alicia")
        self.sign_in("renee")
        client, _ = self.client_of("alicia", offset=3)
        self.sync(tablet, "alicia", "--set", "client", client["id"], "firstName", hostile)
        self.go("clients", "Clients")
        self.wait_text("#client-results", hostile)
        self.go("client/" + client["id"], hostile)
        with self.assertRaises(NoAlertPresentException):
            self.driver.switch_to.alert.text
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "main script, main img"), [])
        self.shot("EscapedName")
        # No CSRF token: 403. Not JSON: 415. Nothing stored either way.
        before = len(self.fetch("GET", "/v1/office/providers")["body"]["providers"])
        body = {"values": {"name": "Forged Provider"}}
        self.assertEqual(self.fetch("POST", "/v1/office/providers/save", body, csrf=False)["status"], 403)
        self.assertEqual(self.fetch("POST", "/v1/office/providers/save", body, content_type="text/plain")["status"], 415)
        self.assertEqual(len(self.fetch("GET", "/v1/office/providers")["body"]["providers"]), before)
        self.assertEqual(self.fetch("POST", "/v1/office/providers/save", body)["status"], 200)


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=sys.argv[:1])
