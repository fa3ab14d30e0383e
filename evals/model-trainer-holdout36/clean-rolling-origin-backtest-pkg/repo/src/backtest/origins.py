from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Origin:
    cutoff: pd.Timestamp
    horizon_end: pd.Timestamp


def expanding_origins(first_cutoff: str, step_weeks: int, horizon_weeks: int, n_origins: int):
    """Cutoffs every `step_weeks`; the training window always starts at the beginning of the data."""
    first = pd.Timestamp(first_cutoff)
    for k in range(n_origins):
        cutoff = first + pd.Timedelta(weeks=k * step_weeks)
        yield Origin(cutoff=cutoff, horizon_end=cutoff + pd.Timedelta(weeks=horizon_weeks))
