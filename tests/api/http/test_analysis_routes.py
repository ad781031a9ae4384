"""``/analysis/...``, its compression and cache warm-up, and the clustered tension map against a real server.

Expected values come from the sheet in api_fixtures.py, by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from pathlib import Path

import httpx
import pytest

from api_fixtures import LIVING_WAGE, REGISTER, SCRIPT_NAME, TRAINING, start_server, stop_server

pytestmark = pytest.mark.server


def test_convergence_puts_the_claim_all_groups_back_first(client: httpx.Client) -> None:
    rows = client.get("/analysis/convergence").json()
    top = rows[0]
    # training: UNISON (Workforce representatives), Care England (Providers), Carers UK (People who draw on care)
    assert top["text"] == TRAINING and top["support"] == 3 and top["oppose"] == 0
    assert top["groups"] == ["People who draw on care", "Providers", "Workforce representatives"]


def test_conflicts_name_both_sides(client: httpx.Client) -> None:
    r = client.get("/analysis/conflicts")
    rows = r.json()
    assert {row["text"] for row in rows} == {LIVING_WAGE, REGISTER} and r.headers["x-total-count"] == "2"
    register = next(row for row in rows if row["text"] == REGISTER)
    assert register["support"] == ["UNISON"] and register["oppose"] == ["Care England"]
    assert register["support_groups"] == ["Workforce representatives"] and register["oppose_groups"] == ["Providers"]
    assert len(client.get("/analysis/conflicts", params={"limit": 1}).json()) == 1
    table = list(csv.DictReader(io.StringIO(client.get("/analysis/conflicts", headers={"Accept": "text/csv"}).text)))
    assert len(table) == 2 and {"claim", "text", "support", "oppose", "score"} <= set(table[0])


def test_consensus_follows_the_design_formula(client: httpx.Client) -> None:
    rows = {r["text"]: r for r in client.get("/analysis/consensus").json()}
    # product over the 3 groups of (support + 1) / (stances + 2) = (2/3)^3
    assert rows[TRAINING]["consensus"] == pytest.approx(8 / 27)
    assert len(rows) == 4


def test_group_network_csv_is_a_labelled_square_matrix(client: httpx.Client) -> None:
    text = client.get("/analysis/network", params={"level": "group", "mode": "congruence", "format": "csv"}).text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["", "People who draw on care", "Providers", "Workforce representatives"]
    matrix = [[float(x) for x in row[1:]] for row in rows[1:]]
    assert all(matrix[i][j] == matrix[j][i] for i in range(3) for j in range(3))
    net = client.get("/analysis/network", params={"level": "group"}).json()
    assert [n["label"] for n in net["nodes"]] == rows[0][1:]
    assert client.get("/analysis/network", params={"format": "graphml"}).headers["content-type"] == "application/graphml+xml"


def test_tensions_and_the_clustered_map(client: httpx.Client) -> None:
    [cluster] = client.get("/analysis/tensions").json()
    assert {c["text"] for c in cluster["claims"]} == {LIVING_WAGE, REGISTER}
    sides = {s["stance"]: s["stakeholders"] for s in cluster["sides"]}
    assert SCRIPT_NAME in sides["support"] and sides["oppose"] == ["Care England"]
    # each claim is a question with its own camps (Care England opposes both; the others back one each)
    camps = {q["text"]: {s["stance"]: s["stakeholders"] for s in q["sides"]} for q in cluster["questions"]}
    assert camps[REGISTER] == {"support": ["UNISON"], "oppose": ["Care England"]}
    assert camps[LIVING_WAGE]["oppose"] == ["Care England"] and SCRIPT_NAME in camps[LIVING_WAGE]["support"]
    html = client.get("/viz/tensions").text
    data = json.loads(re.search(r'id="view-data">(.*?)</script>', html, re.S).group(1))
    assert [c["label"] for c in data["clusters"]] == [cluster["label"]]
    # claims take their theme's colour; the legend names each theme once
    themes = {data["themes"][c["theme"]]["label"]: c["colour"] for c in data["claims"]}
    assert themes.keys() == {"Pay and conditions", "Regulation and registration"}
    assert sorted(data["themes"][i]["label"] for i in data["legend"]) == sorted(themes)


def test_unknown_filters_and_polarisation(client: httpx.Client) -> None:
    r = client.get("/analysis/convergence", params={"theme": "nonexistent"})
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    pol = client.get("/analysis/polarisation").json()
    assert pol["level"] == "group" and 0 <= pol["score"] <= 1


def test_large_analysis_bodies_are_sent_gzipped_only_to_clients_that_accept_it(client: httpx.Client) -> None:
    plain = client.get("/analysis/consensus", headers={"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "content-encoding" not in plain.headers
    assert len(plain.content) > 1400  # big enough to be worth compressing
    refused = client.get("/analysis/consensus", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers
    for _ in range(2):  # the second answer comes from the cache of compressed bytes
        packed = client.get("/analysis/consensus", headers={"Accept-Encoding": "gzip"})
        assert packed.headers["content-encoding"] == "gzip"
        assert int(packed.headers["content-length"]) < len(plain.content)
        assert "Accept-Encoding" in packed.headers["vary"]
        assert packed.json() == plain.json()  # httpx inflates the body
    small = client.get("/analysis/network", params={"level": "group", "format": "csv"}, headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < 1400 and "content-encoding" not in small.headers  # a small body goes out as it is


def wait_for_warm_state(client: httpx.Client, *, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while True:
        state = client.get("/health").json()["warm"]
        if state != "warming" or time.monotonic() > deadline:
            return str(state)
        time.sleep(0.05)


def test_the_server_warms_its_analysis_caches_at_start_up(client: httpx.Client) -> None:
    assert wait_for_warm_state(client) == "ready"


def test_the_warm_up_can_be_switched_off(tmp_path: Path) -> None:
    server = start_server(tmp_path, extra_env={"STANCEGRAPH_WARM_CACHE": "false"})
    try:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            assert c.get("/health").json()["warm"] == "off"
            assert c.get("/analysis/conflicts").status_code == 200  # computed on demand instead
    finally:
        stop_server(server)
