"""Patient-relative features.

Each recording is expressed relative to the same patient's other recordings. Only
input columns are used (never the label), and a patient's recordings always land on
the same side of every split, so nothing is shared across train and test.
"""
import pandas as pd


def patient_relative(frame: pd.DataFrame, cols, group="patient_id") -> pd.DataFrame:
    g = frame.groupby(group)[cols]
    centred = frame[cols] - g.transform("mean")
    scaled = centred / g.transform("std").fillna(1.0).replace(0, 1.0)
    scaled.columns = [f"{c}_rel" for c in cols]
    counts = frame.groupby(group)[group].transform("size").rename("n_recordings")
    return pd.concat([frame, scaled, counts], axis=1)
