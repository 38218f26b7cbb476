"""save_figure: PNG and SVG byte-for-byte reproducible across processes, with the plotted numbers as
CSV."""

import subprocess
import sys

SCRIPT = """
import sys, pandas as pd, matplotlib.pyplot as plt
import analysis as an
fig, ax = plt.subplots()
ax.bar(["threat acts", "salience", "violence"], [18.0, 7.2, 16.8])
ax.set_title("Threat language (N = 1 article)")
data = pd.DataFrame({"measure": ["threat_act"], "per_1k": [18.0]})
an.save_figure(fig, "fig", data=data, folder=sys.argv[1])
"""


def test_save_figure_twice_in_separate_processes_gives_the_same_bytes(tmp_path):
    for run in ("a", "b"):
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / run)], check=True)
    for suffix in (".png", ".svg", ".csv"):
        a = (tmp_path / "a" / f"fig{suffix}").read_bytes()
        b = (tmp_path / "b" / f"fig{suffix}").read_bytes()
        assert a == b, suffix
    svg = (tmp_path / "a" / "fig.svg").read_text()
    assert "<dc:date>" not in svg
    assert b"Software" not in (tmp_path / "a" / "fig.png").read_bytes()
    csv = (tmp_path / "a" / "fig.csv").read_text()
    assert csv.startswith("# analysis_version: ")
