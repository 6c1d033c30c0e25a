#!/usr/bin/env python3
"""Render a BPMN 2.0 file's diagram as an SVG picture, for the documentation.

Usage:
    python3 docs/tools/render-bpmn.py processes/leave/leave-request.bpmn docs/images/leave-request.svg

Standard library only. Reads the diagram interchange (BPMNShape bounds, BPMNEdge waypoints,
label bounds) and the semantic elements (types, names, markers) and draws what Camunda Modeler
draws, in a simplified form: tasks with a type icon and loop markers, events (start, end,
boundary, timer), gateways, sequence flows with arrows, pools and lanes, text annotations.

Names that contain expressions (e.g. "审批请假：${applicantName}（${daysLabel}天）") are shown
without them ("审批请假"): a part after "：" that holds an expression is dropped, a bracketed
part holding one is dropped, any other expression becomes "…".

External labels (events, gateways, flow names) start at the position the model gives; when that
position covers a flow or a shape, the label moves to the nearest free spot around its element.
"""
import argparse
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
BPMN = "{%s}" % NS["bpmn"]

FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
STROKE = "#22242a"
TASK_FONT = 12
LABEL_FONT = 11
LINE_HEIGHT = 1.25

TASKS = {"task", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask",
         "receiveTask", "manualTask", "callActivity"}
SUBPROCESSES = {"subProcess", "transaction", "adHocSubProcess"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
            "complexGateway"}

EXPR = re.compile(r"[$#]\{[^}]*\}")


# ---------------------------------------------------------------- text


def char_width(ch, size):
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return size
    if ch in "mwMW@%":
        return size * 0.85
    if ch.isupper() or ch.isdigit():
        return size * 0.62
    if ch in "il.,:;'|!() ":
        return size * 0.32
    return size * 0.55


def text_width(text, size):
    return sum(char_width(c, size) for c in text)


def display_name(name):
    """The name without process expressions, so the picture reads well."""
    if not name:
        return ""
    if not EXPR.search(name):
        return name.strip()
    parts = re.split(r"([：:])", name)
    kept = parts[0]
    # keep "a：b" parts that hold no expression; stop at the first part that does
    for i in range(1, len(parts) - 1, 2):
        if EXPR.search(parts[i + 1]):
            break
        kept += parts[i] + parts[i + 1]
    kept = re.sub(r"[（(][^（）()]*[$#]\{[^}]*\}[^（）()]*[）)]", "", kept)
    kept = EXPR.sub("…", kept)
    kept = re.sub(r"…+", "…", kept).strip(" ：:")
    return kept or "…"


NO_LINE_START = set("，。、：；？！）》」』】,.:;?!)")


def tokens(text):
    """Break opportunities: every CJK character, Latin words as a whole."""
    out = []
    for m in re.finditer(r"[A-Za-z0-9_\-./]+ ?|\s+|.", text):
        tok = m.group(0)
        if out and tok and tok[0] in NO_LINE_START:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def wrap(text, max_width, size):
    """Lines no wider than max_width, balanced so the last line is not a single character."""
    if not text:
        return []
    toks = tokens(text)

    def greedy(limit):
        lines, cur = [], ""
        for tok in toks:
            if cur and text_width(cur + tok, size) > limit:
                lines.append(cur.rstrip())
                cur = tok.lstrip()
            else:
                cur += tok
        if cur.strip():
            lines.append(cur.rstrip())
        return lines

    lines = greedy(max_width)
    if len(lines) > 1:
        # balance: the narrowest limit that still needs no more lines
        total = text_width(text, size)
        limit = total / len(lines)
        while limit < max_width:
            attempt = greedy(limit)
            if len(attempt) <= len(lines):
                return attempt
            limit += size / 2
    return lines


def text_block(lines, cx, top, size, anchor="middle", x=None, weight=None):
    """SVG <text> with one <tspan> per line; top is the top of the first line box."""
    lh = size * LINE_HEIGHT
    first = top + (lh - size) / 2 + size * 0.88
    tx = cx if x is None else x
    attrs = f'font-size="{size}" text-anchor="{anchor}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    spans = "".join(
        f'<tspan x="{fmt(tx)}" y="{fmt(first + i * lh)}">{escape(line)}</tspan>'
        for i, line in enumerate(lines))
    return f'<text {attrs}>{spans}</text>'


def fmt(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


# ---------------------------------------------------------------- geometry


class Rect:
    def __init__(self, x, y, w, h):
        self.x, self.y, self.w, self.h = x, y, w, h

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2

    def grow(self, d):
        return Rect(self.x - d, self.y - d, self.w + 2 * d, self.h + 2 * d)

    def intersects(self, o):
        return self.x < o.x + o.w and o.x < self.x + self.w and self.y < o.y + o.h and o.y < self.y + self.h


def segment_hits_rect(p, q, r):
    """Does the segment p-q cross rectangle r? (Liang-Barsky clipping.)"""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, x0 - r.x), (dx, r.x + r.w - x0), (-dy, y0 - r.y), (dy, r.y + r.h - y0)):
        if pk == 0:
            if qk < 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def bounds_of(el):
    b = el.find("dc:Bounds", NS)
    if b is None:
        return None
    return Rect(*(float(b.get(k)) for k in ("x", "y", "width", "height")))


# ---------------------------------------------------------------- model


class Model:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.elements = {}
        for el in root.iter():
            if el.tag.startswith(BPMN) and el.get("id"):
                self.elements[el.get("id")] = el
        diagram = root.find("bpmndi:BPMNDiagram", NS)
        if diagram is None:
            raise SystemExit(f"{path}: no BPMNDiagram (diagram interchange) to draw")
        plane = diagram.find("bpmndi:BPMNPlane", NS)
        self.title = ""
        proc = self.elements.get(plane.get("bpmnElement"))
        if proc is not None and proc.tag == BPMN + "collaboration":
            part = proc.find("bpmn:participant", NS)
            proc = self.elements.get(part.get("processRef")) if part is not None else None
        if proc is not None:
            self.title = (proc.get("name") or "").strip()
            pid = proc.get("id")
            self.title = f"{self.title}（{pid}）" if self.title else pid
        self.shapes, self.edges = [], []
        for s in plane.findall("bpmndi:BPMNShape", NS):
            el = self.elements.get(s.get("bpmnElement"))
            if el is None:
                continue
            label = s.find("bpmndi:BPMNLabel", NS)
            self.shapes.append({
                "id": el.get("id"), "el": el, "type": el.tag[len(BPMN):], "bounds": bounds_of(s),
                "label": bounds_of(label) if label is not None else None,
                "expanded": s.get("isExpanded") == "true", "marker": s.get("isMarkerVisible"),
                "horizontal": s.get("isHorizontal") != "false"})
        for e in plane.findall("bpmndi:BPMNEdge", NS):
            el = self.elements.get(e.get("bpmnElement"))
            if el is None:
                continue
            pts = [(float(w.get("x")), float(w.get("y"))) for w in e.findall("di:waypoint", NS)]
            label = e.find("bpmndi:BPMNLabel", NS)
            self.edges.append({"id": el.get("id"), "el": el, "type": el.tag[len(BPMN):], "points": pts,
                               "label": bounds_of(label) if label is not None else None})

    def is_default_flow(self, flow):
        src = self.elements.get(flow.get("sourceRef"))
        return src is not None and src.get("default") == flow.get("id")

    def is_conditional_from_activity(self, flow):
        src = self.elements.get(flow.get("sourceRef"))
        if src is None or flow.find("bpmn:conditionExpression", NS) is None:
            return False
        return src.tag[len(BPMN):] in TASKS | SUBPROCESSES


# ---------------------------------------------------------------- drawing


def gear(cx, cy, r_out=6.0, r_in=4.3, teeth=8):
    import math
    pts = []
    for i in range(teeth * 4):
        a = 2 * math.pi * i / (teeth * 4)
        r = r_out if i % 4 in (1, 2) else r_in
        pts.append(f"{fmt(cx + r * math.cos(a))},{fmt(cy + r * math.sin(a))}")
    return (f'<polygon points="{" ".join(pts)}" fill="white" stroke="{STROKE}" stroke-width="1"/>'
            f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r_in * 0.45)}" fill="white" stroke="{STROKE}" stroke-width="1"/>')


def task_icon(kind, x, y):
    if kind == "userTask":
        return (f'<g fill="white" stroke="{STROKE}" stroke-width="1">'
                f'<path d="M{fmt(x + 5)},{fmt(y + 20)} v-3 a7,6 0 0 1 14,0 v3 z"/>'
                f'<circle cx="{fmt(x + 12)}" cy="{fmt(y + 9)}" r="3.6"/></g>')
    if kind == "serviceTask":
        return gear(x + 13, y + 13, 7.5, 5.4)
    if kind == "businessRuleTask":
        return (f'<g stroke="{STROKE}" stroke-width="1">'
                f'<rect x="{fmt(x + 5)}" y="{fmt(y + 6)}" width="16" height="12" fill="white"/>'
                f'<rect x="{fmt(x + 5)}" y="{fmt(y + 6)}" width="16" height="4" fill="#b8bbc2"/>'
                f'<path d="M{fmt(x + 5)},{fmt(y + 14)} h16 M{fmt(x + 10)},{fmt(y + 10)} v8" fill="none"/></g>')
    if kind == "scriptTask":
        return f'<text x="{fmt(x + 7)}" y="{fmt(y + 17)}" font-size="11" font-weight="bold">S</text>'
    if kind == "sendTask":
        return (f'<rect x="{fmt(x + 5)}" y="{fmt(y + 7)}" width="15" height="10" fill="{STROKE}"/>'
                f'<path d="M{fmt(x + 5)},{fmt(y + 7)} l7.5,5 l7.5,-5" fill="none" stroke="white"/>')
    if kind == "receiveTask":
        return (f'<rect x="{fmt(x + 5)}" y="{fmt(y + 7)}" width="15" height="10" fill="white" stroke="{STROKE}"/>'
                f'<path d="M{fmt(x + 5)},{fmt(y + 7)} l7.5,5 l7.5,-5" fill="none" stroke="{STROKE}"/>')
    if kind == "manualTask":
        return f'<text x="{fmt(x + 6)}" y="{fmt(y + 17)}" font-size="11" font-weight="bold">M</text>'
    return ""


def loop_marker(el, cx, bottom):
    mi = el.find("bpmn:multiInstanceLoopCharacteristics", NS)
    y = bottom - 16
    if mi is not None:
        if mi.get("isSequential") == "true":  # ≡
            d = " ".join(f"M{fmt(cx - 6)},{fmt(y + 3 + 4 * i)} h12" for i in range(3))
        else:  # |||
            d = " ".join(f"M{fmt(cx - 4 + 4 * i)},{fmt(y + 1)} v11" for i in range(3))
        return f'<path d="{d}" stroke="{STROKE}" stroke-width="1.6" fill="none"/>'
    if el.find("bpmn:standardLoopCharacteristics", NS) is not None:
        return (f'<path d="M{fmt(cx - 3)},{fmt(y + 12)} a6,6 0 1 1 6,0 m0,0 l-1,-4 m1,4 l4,-1" '
                f'stroke="{STROKE}" stroke-width="1.3" fill="none"/>')
    return ""


def has_loop(el):
    return (el.find("bpmn:multiInstanceLoopCharacteristics", NS) is not None
            or el.find("bpmn:standardLoopCharacteristics", NS) is not None)


def draw_task(shape, out):
    b, el, kind = shape["bounds"], shape["el"], shape["type"]
    sw = 3 if kind == "callActivity" else 1.5
    out.append(f'<rect x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}" rx="10" '
               f'fill="white" stroke="{STROKE}" stroke-width="{sw}"/>')
    out.append(task_icon(kind, b.x, b.y))
    marker = has_loop(el)
    out.append(loop_marker(el, b.cx, b.y + b.h))
    name = display_name(el.get("name"))
    pad = 6
    lines = wrap(name, b.w - 2 * pad, TASK_FONT)
    lh = TASK_FONT * LINE_HEIGHT
    bottom_limit = b.y + b.h - (18 if marker else 4)
    max_lines = max(1, int((bottom_limit - (b.y + 4)) // lh))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][:-1] + "…"
    height = len(lines) * lh
    top = b.cy - height / 2 - (6 if marker else 0)
    widest = max((text_width(l, TASK_FONT) for l in lines), default=0)
    if top < b.y + 22 and widest > b.w - 44:  # keep clear of the type icon
        top = b.y + 22
    top = min(top, bottom_limit - height)
    out.append(text_block(lines, b.cx, top, TASK_FONT))


def draw_subprocess(shape, out):
    b, el = shape["bounds"], shape["el"]
    out.append(f'<rect x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}" rx="10" '
               f'fill="white" stroke="{STROKE}" stroke-width="1.5"/>')
    name = display_name(el.get("name"))
    if shape["expanded"]:
        out.append(text_block(wrap(name, b.w - 20, TASK_FONT), 0, b.y + 6, TASK_FONT, "start", x=b.x + 10))
    else:
        out.append(text_block(wrap(name, b.w - 12, TASK_FONT), b.cx, b.cy - 12, TASK_FONT))
        out.append(f'<rect x="{fmt(b.cx - 7)}" y="{fmt(b.y + b.h - 18)}" width="14" height="14" fill="none" '
                   f'stroke="{STROKE}"/><path d="M{fmt(b.cx - 4)},{fmt(b.y + b.h - 11)} h8 '
                   f'M{fmt(b.cx)},{fmt(b.y + b.h - 15)} v8" stroke="{STROKE}"/>')
    out.append(loop_marker(el, b.cx + (0 if shape["expanded"] else 20), b.y + b.h))


def event_definition(el):
    for child in el:
        tag = child.tag[len(BPMN):] if child.tag.startswith(BPMN) else ""
        if tag.endswith("EventDefinition"):
            return tag
    return None


def clock(cx, cy, r):
    import math
    ticks = " ".join(
        f"M{fmt(cx + (r - 2.2) * math.cos(a))},{fmt(cy + (r - 2.2) * math.sin(a))} "
        f"L{fmt(cx + r * math.cos(a))},{fmt(cy + r * math.sin(a))}"
        for a in (i * math.pi / 6 for i in range(12)))
    return (f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="white" stroke="{STROKE}" stroke-width="1.3"/>'
            f'<path d="{ticks}" stroke="{STROKE}" stroke-width="0.9"/>'
            f'<path d="M{fmt(cx)},{fmt(cy)} L{fmt(cx + r * 0.55)},{fmt(cy - r * 0.2)} '
            f'M{fmt(cx)},{fmt(cy)} L{fmt(cx - r * 0.1)},{fmt(cy - r * 0.7)}" stroke="{STROKE}" '
            f'stroke-width="1.3" stroke-linecap="round"/>')


def draw_event(shape, out):
    b, el, kind = shape["bounds"], shape["el"], shape["type"]
    r = b.w / 2
    cx, cy = b.cx, b.cy
    definition = event_definition(el)
    dashed = ' stroke-dasharray="5,3"'
    non_interrupting = ((kind == "boundaryEvent" and el.get("cancelActivity") == "false")
                        or (kind == "startEvent" and el.get("isInterrupting") == "false"))
    dash = dashed if non_interrupting else ""
    if kind == "startEvent":
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="white" stroke="{STROKE}" '
                   f'stroke-width="2"{dash}/>')
    elif kind == "endEvent":
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r - 1.5)}" fill="white" stroke="{STROKE}" '
                   f'stroke-width="4"/>')
    else:
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="white" stroke="{STROKE}" '
                   f'stroke-width="1.5"{dash}/>'
                   f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r - 3)}" fill="none" stroke="{STROKE}" '
                   f'stroke-width="1.5"{dash}/>')
    filled = kind in ("endEvent", "intermediateThrowEvent")
    if definition == "timerEventDefinition":
        out.append(clock(cx, cy, r * 0.6))
    elif definition == "messageEventDefinition":
        w, h = r * 0.9, r * 0.62
        fill, line = (STROKE, "white") if filled else ("white", STROKE)
        out.append(f'<rect x="{fmt(cx - w / 2)}" y="{fmt(cy - h / 2)}" width="{fmt(w)}" height="{fmt(h)}" '
                   f'fill="{fill}" stroke="{STROKE}"/><path d="M{fmt(cx - w / 2)},{fmt(cy - h / 2)} '
                   f'L{fmt(cx)},{fmt(cy + h / 6)} L{fmt(cx + w / 2)},{fmt(cy - h / 2)}" fill="none" stroke="{line}"/>')
    elif definition == "errorEventDefinition":
        s = r * 0.5
        out.append(f'<path d="M{fmt(cx - s)},{fmt(cy + s)} L{fmt(cx - s * 0.4)},{fmt(cy - s)} '
                   f'L{fmt(cx + s * 0.2)},{fmt(cy + s * 0.2)} L{fmt(cx + s)},{fmt(cy - s)} '
                   f'L{fmt(cx + s * 0.4)},{fmt(cy + s)} L{fmt(cx - s * 0.2)},{fmt(cy - s * 0.2)} z" '
                   f'fill="{STROKE if filled else "white"}" stroke="{STROKE}"/>')
    elif definition == "terminateEventDefinition":
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r * 0.55)}" fill="{STROKE}"/>')
    elif definition == "signalEventDefinition":
        s = r * 0.55
        out.append(f'<path d="M{fmt(cx)},{fmt(cy - s)} L{fmt(cx + s)},{fmt(cy + s * 0.7)} '
                   f'L{fmt(cx - s)},{fmt(cy + s * 0.7)} z" fill="{STROKE if filled else "white"}" stroke="{STROKE}"/>')


def draw_gateway(shape, out):
    b, kind = shape["bounds"], shape["type"]
    cx, cy = b.cx, b.cy
    out.append(f'<polygon points="{fmt(cx)},{fmt(b.y)} {fmt(b.x + b.w)},{fmt(cy)} {fmt(cx)},{fmt(b.y + b.h)} '
               f'{fmt(b.x)},{fmt(cy)}" fill="white" stroke="{STROKE}" stroke-width="1.5"/>')
    s = b.w * 0.2
    if kind == "exclusiveGateway" and shape["marker"] != "false":
        out.append(f'<path d="M{fmt(cx - s * 0.8)},{fmt(cy - s)} L{fmt(cx + s * 0.8)},{fmt(cy + s)} '
                   f'M{fmt(cx + s * 0.8)},{fmt(cy - s)} L{fmt(cx - s * 0.8)},{fmt(cy + s)}" '
                   f'stroke="{STROKE}" stroke-width="3.5" stroke-linecap="round"/>')
    elif kind == "parallelGateway":
        s *= 1.25
        out.append(f'<path d="M{fmt(cx - s)},{fmt(cy)} H{fmt(cx + s)} M{fmt(cx)},{fmt(cy - s)} V{fmt(cy + s)}" '
                   f'stroke="{STROKE}" stroke-width="3.5" stroke-linecap="round"/>')
    elif kind == "inclusiveGateway":
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(s * 1.1)}" fill="none" stroke="{STROKE}" '
                   f'stroke-width="2.5"/>')
    elif kind == "eventBasedGateway":
        out.append(f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(s * 1.2)}" fill="none" stroke="{STROKE}"/>'
                   f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(s * 0.95)}" fill="none" stroke="{STROKE}"/>')
    elif kind == "complexGateway":
        out.append(f'<path d="M{fmt(cx - s)},{fmt(cy)} H{fmt(cx + s)} M{fmt(cx)},{fmt(cy - s)} V{fmt(cy + s)} '
                   f'M{fmt(cx - s * 0.7)},{fmt(cy - s * 0.7)} L{fmt(cx + s * 0.7)},{fmt(cy + s * 0.7)} '
                   f'M{fmt(cx + s * 0.7)},{fmt(cy - s * 0.7)} L{fmt(cx - s * 0.7)},{fmt(cy + s * 0.7)}" '
                   f'stroke="{STROKE}" stroke-width="3"/>')


def draw_pool(shape, out):
    b, el = shape["bounds"], shape["el"]
    out.append(f'<rect x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}" fill="none" '
               f'stroke="{STROKE}" stroke-width="1.5"/>')
    name = display_name(el.get("name"))
    if shape["horizontal"]:
        out.append(f'<path d="M{fmt(b.x + 30)},{fmt(b.y)} V{fmt(b.y + b.h)}" stroke="{STROKE}" stroke-width="1.5"/>'
                   if shape["type"] == "participant" else "")
        out.append(f'<g transform="translate({fmt(b.x + 15)},{fmt(b.cy)}) rotate(-90)">'
                   f'{text_block([name], 0, -TASK_FONT * LINE_HEIGHT / 2, TASK_FONT)}</g>')
    else:
        out.append(text_block([name], b.cx, b.y + 6, TASK_FONT))


def draw_annotation(shape, out):
    b, el = shape["bounds"], shape["el"]
    out.append(f'<path d="M{fmt(b.x + 12)},{fmt(b.y)} H{fmt(b.x)} V{fmt(b.y + b.h)} H{fmt(b.x + 12)}" '
               f'fill="none" stroke="{STROKE}"/>')
    text = el.findtext("bpmn:text", default="", namespaces=NS)
    lines = []
    for para in text.splitlines():
        lines += wrap(para, b.w - 10, LABEL_FONT) or [""]
    out.append(text_block(lines, 0, b.y + 4, LABEL_FONT, "start", x=b.x + 6))


# ---------------------------------------------------------------- labels


class Placer:
    """Finds a spot for an external label that covers no flow, shape or other label."""

    def __init__(self, shapes, edges):
        self.rects = [(s["id"], s["bounds"]) for s in shapes
                      if s["type"] not in ("participant", "lane") and not s["expanded"]]
        self.segments = [(e["id"], p, q) for e in edges for p, q in zip(e["points"], e["points"][1:])]
        self.placed = []

    def collisions(self, r, own):
        hits = 0
        probe = r.grow(2)
        for eid, p, q in self.segments:
            if segment_hits_rect(p, q, probe):
                hits += 1
        for sid, s in self.rects:
            if sid not in own and probe.intersects(s):
                hits += 1
        for other in self.placed:
            if probe.intersects(other):
                hits += 1
        return hits

    def place(self, candidates, own):
        best, best_hits = None, None
        for r in candidates:
            hits = self.collisions(r, own)
            if hits == 0:
                best = r
                break
            if best_hits is None or hits < best_hits:
                best, best_hits = r, hits
        self.placed.append(best)
        return best


def label_candidates(b, w, h, given, gap=4):
    """Around element bounds b: the model's position first, then below, above, beside, diagonals."""
    out = []
    if given is not None:
        out.append(Rect(given.cx - w / 2, given.y, w, h))
    out += [
        Rect(b.cx - w / 2, b.y + b.h + gap, w, h),            # below
        Rect(b.cx - w / 2, b.y - gap - h, w, h),              # above
        Rect(b.x + b.w + gap, b.cy - h / 2, w, h),            # right
        Rect(b.x - gap - w, b.cy - h / 2, w, h),              # left
        Rect(b.cx + 6, b.y + b.h + gap, w, h),                # below, right of centre
        Rect(b.cx - 6 - w, b.y + b.h + gap, w, h),            # below, left of centre
        Rect(b.cx + 6, b.y - gap - h, w, h),                  # above, right of centre
        Rect(b.cx - 6 - w, b.y - gap - h, w, h),              # above, left of centre
        Rect(b.x + b.w + gap, b.y + b.h, w, h),               # lower right corner
        Rect(b.x - gap - w, b.y + b.h, w, h),                 # lower left corner
    ]
    return out


def flow_label_candidates(points, w, h, given):
    """Near the first segment of the flow: the model's position first, then either side."""
    out = []
    if given is not None:
        out.append(Rect(given.cx - w / 2, given.cy - h / 2, w, h))
    (x0, y0), (x1, y1) = points[0], points[1]
    horizontal = abs(x1 - x0) >= abs(y1 - y0)
    for t in (0.5, 0.3, 0.7):
        mx, my = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
        if horizontal:
            out += [Rect(mx - w / 2, my - 4 - h, w, h), Rect(mx - w / 2, my + 4, w, h)]
        else:
            out += [Rect(mx + 4, my - h / 2, w, h), Rect(mx - 4 - w, my - h / 2, w, h)]
    return out


# ---------------------------------------------------------------- render


def render(model, with_title=True):
    body, labels = [], []
    placer = Placer(model.shapes, model.edges)
    extent = []

    order = {"participant": 0, "lane": 1}
    # pools and lanes, then expanded sub-processes (their content is drawn on top), then the rest;
    # boundary events last, over the border of their activity
    shapes = sorted(model.shapes, key=lambda s: (order.get(s["type"], 2), not (s["type"] in SUBPROCESSES and s["expanded"]),
                               s["type"] == "boundaryEvent"))

    edge_svg = []
    for e in model.edges:
        pts = e["points"]
        if len(pts) < 2:
            continue
        extent += pts
        d = "M" + " L".join(f"{fmt(x)},{fmt(y)}" for x, y in pts)
        kind = e["type"]
        if kind == "sequenceFlow":
            extra = ""
            if model.is_default_flow(e["el"]):
                (x0, y0), (x1, y1) = pts[0], pts[1]
                length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1)
                ux, uy = (x1 - x0) / length, (y1 - y0) / length
                mx, my = x0 + ux * 10, y0 + uy * 10
                extra = (f'<path d="M{fmt(mx - 5 * uy - 3 * ux)},{fmt(my + 5 * ux - 3 * uy)} '
                         f'L{fmt(mx + 5 * uy + 3 * ux)},{fmt(my - 5 * ux + 3 * uy)}" stroke="{STROKE}" '
                         f'stroke-width="1.5"/>')
            start = ' marker-start="url(#conditional)"' if model.is_conditional_from_activity(e["el"]) else ""
            edge_svg.append(f'<g><title>{escape(e["id"])}</title><path d="{d}" fill="none" stroke="{STROKE}" '
                            f'stroke-width="1.5" stroke-linejoin="round" marker-end="url(#arrow)"{start}/>'
                            f'{extra}</g>')
        elif kind == "messageFlow":
            edge_svg.append(f'<path d="{d}" fill="none" stroke="{STROKE}" stroke-width="1.5" '
                            f'stroke-dasharray="8,5" marker-end="url(#open-arrow)" marker-start="url(#message-start)"/>')
        else:  # association, data association
            arrow = ' marker-end="url(#open-arrow)"' if kind.startswith("data") else ""
            edge_svg.append(f'<path d="{d}" fill="none" stroke="{STROKE}" stroke-width="1" '
                            f'stroke-dasharray="2,4"{arrow}/>')

    for s in shapes:
        b, kind = s["bounds"], s["type"]
        if b is None:
            continue
        extent += [(b.x, b.y), (b.x + b.w, b.y + b.h)]
        out = [f'<g><title>{escape(s["id"])} ({kind})</title>']
        if kind in TASKS:
            draw_task(s, out)
        elif kind in SUBPROCESSES:
            draw_subprocess(s, out)
        elif kind in EVENTS:
            draw_event(s, out)
        elif kind in GATEWAYS:
            draw_gateway(s, out)
        elif kind in ("participant", "lane"):
            draw_pool(s, out)
        elif kind == "textAnnotation":
            draw_annotation(s, out)
        elif kind in ("dataObjectReference", "dataStoreReference"):
            out.append(f'<path d="M{fmt(b.x)},{fmt(b.y)} h{fmt(b.w - 10)} l10,10 V{fmt(b.y + b.h)} '
                       f'H{fmt(b.x)} z" fill="white" stroke="{STROKE}"/>')
        out.append("</g>")
        body.append((kind in ("participant", "lane"), "".join(out)))

    # external labels: events, gateways, data; then flow names
    for s in model.shapes:
        kind = s["type"]
        if kind not in EVENTS | GATEWAYS | {"dataObjectReference", "dataStoreReference"}:
            continue
        name = display_name(s["el"].get("name"))
        if not name:
            continue
        lines = wrap(name, 90, LABEL_FONT)
        w = max(text_width(l, LABEL_FONT) for l in lines)
        h = len(lines) * LABEL_FONT * LINE_HEIGHT
        r = placer.place(label_candidates(s["bounds"], w, h, s["label"]), {s["id"]})
        extent += [(r.x, r.y), (r.x + r.w, r.y + r.h)]
        labels.append(text_block(lines, r.cx, r.y, LABEL_FONT))
    for e in model.edges:
        name = display_name(e["el"].get("name"))
        if not name or len(e["points"]) < 2:
            continue
        lines = wrap(name, 90, LABEL_FONT)
        w = max(text_width(l, LABEL_FONT) for l in lines)
        h = len(lines) * LABEL_FONT * LINE_HEIGHT
        r = placer.place(flow_label_candidates(e["points"], w, h, e["label"]), set())
        extent += [(r.x, r.y), (r.x + r.w, r.y + r.h)]
        labels.append(text_block(lines, r.cx, r.y, LABEL_FONT))

    if not extent:
        raise SystemExit("nothing to draw: the diagram has no shapes")
    margin = 20
    min_x = min(p[0] for p in extent) - margin
    min_y = min(p[1] for p in extent) - margin
    max_x = max(p[0] for p in extent) + margin
    max_y = max(p[1] for p in extent) + margin
    title = []
    if with_title and model.title:
        title_size = 14
        min_y -= title_size * 2
        title.append(text_block([model.title], 0, min_y + 8, title_size, "start", x=min_x + 4, weight="bold"))
    width, height = max_x - min_x, max_y - min_y

    defs = (
        '<defs>'
        f'<marker id="arrow" viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="{STROKE}"/></marker>'
        f'<marker id="open-arrow" viewBox="0 0 10 10" refX="9.5" refY="5" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9" fill="none" stroke="{STROKE}"/></marker>'
        f'<marker id="conditional" viewBox="0 0 16 10" refX="1" refY="5" markerWidth="16" markerHeight="10" '
        f'markerUnits="userSpaceOnUse" orient="auto"><path d="M1,5 L8,1 L15,5 L8,9 z" fill="white" '
        f'stroke="{STROKE}"/></marker>'
        f'<marker id="message-start" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="10" markerHeight="10" '
        f'markerUnits="userSpaceOnUse"><circle cx="5" cy="5" r="3.5" fill="white" stroke="{STROKE}"/></marker>'
        '</defs>')
    svg = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{fmt(width)}" height="{fmt(height)}" '
        f'viewBox="{fmt(min_x)} {fmt(min_y)} {fmt(width)} {fmt(height)}" font-family="{FONT}" fill="{STROKE}">',
        f'<title>{escape(model.title)}</title>',
        defs,
        f'<rect x="{fmt(min_x)}" y="{fmt(min_y)}" width="{fmt(width)}" height="{fmt(height)}" fill="white"/>',
        *title,
        *[svg for pool, svg in body if pool],
        *edge_svg,
        *[svg for pool, svg in body if not pool],
        *labels,
        "</svg>",
    ]
    return "\n".join(svg) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render a BPMN diagram as SVG (standard library only).")
    parser.add_argument("bpmn", help="the .bpmn file")
    parser.add_argument("svg", help="the .svg file to write ('-' for standard output)")
    parser.add_argument("--no-title", action="store_true", help="leave out the process name above the diagram")
    args = parser.parse_args(argv)
    svg = render(Model(args.bpmn), with_title=not args.no_title)
    if args.svg == "-":
        sys.stdout.write(svg)
    else:
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
