import pandas as pd


def asof_join(spine: pd.DataFrame, view: pd.DataFrame, key: str, name: str, ttl_hours: int,
              spine_ts: str = "request_ts", view_ts: str = "feature_ts") -> pd.DataFrame:
    """Attach, for each spine row, the most recent view row strictly before the spine timestamp.

    The view usually extends past the last request (it is exported for the whole period), which is
    fine: direction='backward' never looks forward, and allow_exact_matches=False drops features
    materialised in the same instant as the request.
    """
    view = view.rename(columns={c: f"{name}.{c}" for c in view.columns if c not in (key, view_ts)})
    view = view.rename(columns={view_ts: f"{name}.ts"})
    out = pd.merge_asof(
        spine.sort_values(spine_ts),
        view.sort_values(f"{name}.ts"),
        left_on=spine_ts,
        right_on=f"{name}.ts",
        by=key,
        direction="backward",
        allow_exact_matches=False,
        tolerance=pd.Timedelta(hours=ttl_hours),
    )
    out[f"{name}.age_min"] = (out[spine_ts] - out[f"{name}.ts"]).dt.total_seconds() / 60
    return out.drop(columns=[f"{name}.ts"])
