from pathlib import Path

import numpy as np
import pandas as pd

from motorfault.signal import fault_frequencies, frame, window_features


def build_feature_table(cfg):
    """One row per window; 'run_id' identifies the recording the window came from."""
    index = pd.read_csv(cfg["index_file"])  # run_id, file, label, load_hp, rpm
    rows = []
    for run in index.itertuples():
        signal = np.load(Path(cfg["index_file"]).parent / run.file)
        fault_hz = fault_frequencies(run.rpm / 60.0, **cfg["bearing"])
        for w in frame(signal, cfg["window"], cfg["hop"]):
            feats = window_features(w, cfg["fs_hz"], cfg["bands_hz"], fault_hz)
            feats.update(run_id=run.run_id, label=run.label, load_hp=run.load_hp)
            rows.append(feats)
    return pd.DataFrame(rows)
