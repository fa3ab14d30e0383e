"""Loading of the press-line sensor table."""
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler


@dataclass
class DataConfig:
    csv_path: Path = Path("data/press_line_cycles.csv")
    artifacts: Path = Path("artifacts")
    label_col: str = "defect"
    drop_cols: list = field(default_factory=lambda: ["cycle_id", "shift", "operator_id", "ts"])


def load_cycles(cfg: DataConfig) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Return standardised features, labels and feature names."""
    frame = pd.read_csv(cfg.csv_path)
    frame = frame.dropna(subset=[cfg.label_col])
    labels = frame[cfg.label_col].astype(np.int64).to_numpy()
    feats = frame.drop(columns=cfg.drop_cols + [cfg.label_col])
    feats = feats.fillna(feats.median())
    scaler = StandardScaler()
    values = scaler.fit_transform(feats.to_numpy(dtype=np.float32))
    cfg.artifacts.mkdir(parents=True, exist_ok=True)
    joblib.dump(scaler, cfg.artifacts / "scaler.joblib")
    return values.astype(np.float32), labels, list(feats.columns)
