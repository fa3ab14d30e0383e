"""Kamiran & Calders (2012) reweighing: w(g, y) = P(g) * P(y) / P(g, y)."""
import pandas as pd


def reweighing_weights(groups: pd.Series, labels: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"g": groups.to_numpy(), "y": labels.to_numpy()}, index=groups.index)
    n = len(frame)
    p_g = frame["g"].value_counts() / n
    p_y = frame["y"].value_counts() / n
    p_gy = frame.groupby(["g", "y"]).size() / n
    expected = frame["g"].map(p_g) * frame["y"].map(p_y)
    observed = pd.Series(list(zip(frame["g"], frame["y"])), index=frame.index).map(p_gy)
    return (expected / observed).rename("sample_weight")
