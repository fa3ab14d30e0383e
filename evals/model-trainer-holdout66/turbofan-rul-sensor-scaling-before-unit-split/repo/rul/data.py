"""Loading helpers for the C-MAPSS style run-to-failure files."""
import pandas as pd

INDEX_COLS = ["unit", "cycle"]
SETTING_COLS = ["op_setting_1", "op_setting_2", "op_setting_3"]
SENSOR_COLS = [f"s{i}" for i in range(1, 22)]


def load_run_to_failure(path):
    """Read a whitespace separated engine file (one row per unit and cycle)."""
    frame = pd.read_csv(path, sep=r"\s+", header=None)
    frame = frame.iloc[:, : len(INDEX_COLS) + len(SETTING_COLS) + len(SENSOR_COLS)]
    frame.columns = INDEX_COLS + SETTING_COLS + SENSOR_COLS
    return frame.sort_values(INDEX_COLS).reset_index(drop=True)


def add_rul_target(frame, cap=None):
    """Remaining useful life = last observed cycle of the unit minus current cycle."""
    last_cycle = frame.groupby("unit")["cycle"].transform("max")
    frame = frame.copy()
    frame["rul"] = last_cycle - frame["cycle"]
    if cap is not None:
        frame["rul"] = frame["rul"].clip(upper=cap)
    return frame
