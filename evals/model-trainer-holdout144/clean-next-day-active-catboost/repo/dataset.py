"""Build the user-day table: features from activity up to day d, label = any session on day d+1."""
import pandas as pd

STATIC = ["platform", "country", "acquisition_channel", "app_version_major", "onboarding_variant"]


def user_day_table(sessions: pd.DataFrame) -> pd.DataFrame:
    sessions = sessions.assign(date=pd.to_datetime(sessions["session_start"]).dt.normalize())
    ud = (
        sessions.groupby(["user_id", "date"])
        .agg(
            sessions_today=("session_id", "size"),
            screens_today=("screen_views", "sum"),
            minutes_today=("duration_sec", lambda s: s.sum() / 60),
            purchases_today=("purchases", "sum"),
        )
        .reset_index()
    )
    # densify to one row per user per calendar day since first seen
    full = (
        ud.groupby("user_id")["date"]
        .agg(["min", "max"])
        .apply(lambda r: pd.date_range(r["min"], sessions["date"].max(), freq="D"), axis=1)
        .explode()
        .rename("date")
        .reset_index()
    )
    full["date"] = pd.to_datetime(full["date"])
    ud = full.merge(ud, on=["user_id", "date"], how="left").fillna(0)
    ud = ud.sort_values(["user_id", "date"])

    g = ud.groupby("user_id")
    ud["sessions_prev_7d"] = g["sessions_today"].transform(lambda s: s.shift(1).rolling(7, min_periods=1).sum())
    ud["active_days_prev_28d"] = g["sessions_today"].transform(
        lambda s: (s.shift(1) > 0).rolling(28, min_periods=1).sum()
    )
    ud["days_since_install"] = g.cumcount()
    ud["label_active_next_day"] = (g["sessions_today"].shift(-1) > 0).astype(float)
    ud.loc[g["date"].transform("max") == ud["date"], "label_active_next_day"] = float("nan")

    static = sessions.sort_values("session_start").groupby("user_id")[STATIC].first()
    ud = ud.merge(static, left_on="user_id", right_index=True, how="left")
    return ud.dropna(subset=["label_active_next_day"])


def time_split(ud, val_start, test_start):
    train = ud[ud["date"] < val_start].copy()
    val = ud[(ud["date"] >= val_start) & (ud["date"] < test_start)].copy()
    test = ud[ud["date"] >= test_start].copy()
    return train, val, test
