"""Expand one-row-per-patient survival data into discrete person-period rows."""
import numpy as np
import pandas as pd


def expand(df: pd.DataFrame, id_col: str, time_col: str, event_col: str,
           width: float, max_time: float) -> pd.DataFrame:
    n_int = int(np.ceil(max_time / width))
    t = df[time_col].clip(upper=max_time).to_numpy()
    last = np.minimum(np.ceil(t / width).astype(int), n_int).clip(min=1)
    rep = df.loc[df.index.repeat(last)].copy()
    rep["interval"] = rep.groupby(id_col).cumcount()
    rep["y"] = 0
    is_last = rep["interval"] == rep.groupby(id_col)["interval"].transform("max")
    event_in_window = rep[event_col].eq(1) & rep[time_col].le(max_time)
    rep.loc[is_last & event_in_window, "y"] = 1
    return rep.reset_index(drop=True)


def survival_from_hazards(pp: pd.DataFrame, hazard: np.ndarray, id_col: str) -> pd.DataFrame:
    s = pp[[id_col, "interval"]].assign(log_s=np.log1p(-np.clip(hazard, 1e-7, 1 - 1e-7)))
    s["surv"] = np.exp(s.groupby(id_col)["log_s"].cumsum())
    return s.pivot(index=id_col, columns="interval", values="surv")
