"""Point-in-time joins against the daily feature-store exports.

Each export row (entity, feature_ts) holds aggregates over orders that were *resolved*
strictly before feature_ts, as materialised by the nightly job.
"""
import pandas as pd


def point_in_time_join(
    events: pd.DataFrame,
    features: pd.DataFrame,
    key: str,
    event_ts: str = "created_at",
    feature_ts: str = "feature_ts",
    max_age_days: int = 3,
    prefix: str = "",
) -> pd.DataFrame:
    ev = events.sort_values(event_ts)
    ft = features.sort_values(feature_ts).rename(
        columns={c: f"{prefix}{c}" for c in features.columns if c not in (key, feature_ts)}
    )
    joined = pd.merge_asof(
        ev,
        ft,
        left_on=event_ts,
        right_on=feature_ts,
        by=key,
        direction="backward",
        allow_exact_matches=False,
        tolerance=pd.Timedelta(days=max_age_days),
    )
    return joined.drop(columns=[feature_ts])
