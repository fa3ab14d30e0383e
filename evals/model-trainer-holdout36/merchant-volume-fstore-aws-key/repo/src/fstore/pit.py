"""Point-in-time correct joins of feature views onto a label (spine) table."""
import pandas as pd


def point_in_time_join(spine: pd.DataFrame, view: pd.DataFrame, prefix: str,
                       entity: str = "merchant_id", ttl: str = "14D") -> pd.DataFrame:
    """For each spine row take the latest feature row with feature_ts < event_ts.

    Rows older than `ttl` are treated as missing, like the online store would.
    """
    view = view.rename(columns={c: f"{prefix}__{c}" for c in view.columns if c not in (entity, "feature_ts")})
    joined = pd.merge_asof(
        spine.sort_values("event_ts"),
        view.sort_values("feature_ts"),
        left_on="event_ts",
        right_on="feature_ts",
        by=entity,
        direction="backward",
        allow_exact_matches=False,
        tolerance=pd.Timedelta(ttl),
    )
    return joined.drop(columns=["feature_ts"])
