"""Possession sequences: passes, carries and dribbles preceding each possession's terminal event
(shots, turnovers and fouls are stored in a separate table)."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset

EVENT_FEATS = ["x", "y", "end_x", "end_y", "dt", "is_pass", "is_carry", "is_dribble", "is_cross", "under_pressure"]


def possession_tensors(events: pd.DataFrame, max_events: int) -> tuple[TensorDataset, pd.DataFrame]:
    events = events.sort_values(["possession_id", "event_index"])
    events["x"] /= 120.0
    events["end_x"] /= 120.0
    events["y"] /= 80.0
    events["end_y"] /= 80.0
    events["dt"] = events["dt"].clip(0, 10) / 10.0
    meta = events.groupby("possession_id").agg(match_id=("match_id", "first"), ends_in_shot=("ends_in_shot", "max"),
                                               n_events=("event_index", "size"), max_x=("end_x", "max"))
    seq = np.zeros((len(meta), max_events, len(EVENT_FEATS)), dtype=np.float32)
    mask = np.zeros((len(meta), max_events), dtype=np.float32)
    pos = {pid: i for i, pid in enumerate(meta.index)}
    for pid, grp in events.groupby("possession_id"):
        arr = grp[EVENT_FEATS].to_numpy(np.float32)[-max_events:]
        seq[pos[pid], -len(arr):] = arr
        mask[pos[pid], -len(arr):] = 1.0
    y = meta["ends_in_shot"].to_numpy(np.float32)
    return TensorDataset(torch.from_numpy(seq), torch.from_numpy(mask), torch.from_numpy(y)), meta.reset_index()
