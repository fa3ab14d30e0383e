"""Point-in-time member features. Every source is cut at `as_of` (exclusive) before aggregating."""
import numpy as np
import pandas as pd


def _before(df: pd.DataFrame, ts_col: str, as_of: pd.Timestamp, lookback_days=None) -> pd.DataFrame:
    mask = df[ts_col] < as_of
    if lookback_days is not None:
        mask &= df[ts_col] >= as_of - pd.Timedelta(days=lookback_days)
    return df.loc[mask]


def visit_features(visits, as_of, lookback_days):
    hist = _before(visits, "checkin_at", as_of)
    recent = _before(visits, "checkin_at", as_of, lookback_days)
    last4w = _before(visits, "checkin_at", as_of, 28)
    out = pd.DataFrame({
        "visits_lookback": recent.groupby("member_id").size(),
        "visits_4w": last4w.groupby("member_id").size(),
        "classes_lookback": recent[recent["is_class"]].groupby("member_id").size(),
        "distinct_clubs_lookback": recent.groupby("member_id")["club_id"].nunique(),
        "days_since_last_visit": (as_of - hist.groupby("member_id")["checkin_at"].max()).dt.days,
    })
    out[["visits_lookback", "visits_4w", "classes_lookback"]] = (
        out[["visits_lookback", "visits_4w", "classes_lookback"]].fillna(0)
    )
    out["visit_trend"] = (out["visits_4w"] * lookback_days / 28 + 1) / (out["visits_lookback"] + 1)
    return out


def payment_features(payments, as_of, lookback_days):
    recent = _before(payments, "due_at", as_of, lookback_days)
    return pd.DataFrame({
        "failed_payments_lookback": recent.groupby("member_id")["failed"].sum(),
        "avg_monthly_fee": recent.groupby("member_id")["amount"].mean(),
    })


def web_features(web, as_of):
    last30 = _before(web, "event_at", as_of, 30)
    cancel_views = last30[last30["page"].str.startswith("/account/cancel")]
    return pd.DataFrame({
        "cancel_page_views_30d": cancel_views.groupby("member_id").size(),
        "freeze_page_views_30d": last30[last30["page"] == "/account/freeze"].groupby("member_id").size(),
    })


def member_features(members, visits, payments, web, as_of, lookback_days):
    static = members.set_index("member_id")
    base = pd.DataFrame(index=static.index)
    base["tenure_days"] = (as_of - static["joined_at"]).dt.days
    base["age"] = np.floor((as_of - static["birth_date"]).dt.days / 365.25)
    base["contract_months"] = static["contract_months"]
    base["days_to_min_term_end"] = (
        static["joined_at"] + pd.to_timedelta(static["contract_months"] * 30, unit="D") - as_of
    ).dt.days.clip(lower=0)
    base["home_club_size"] = static["home_club_size"]
    feats = (base.join(visit_features(visits, as_of, lookback_days))
                 .join(payment_features(payments, as_of, lookback_days))
                 .join(web_features(web, as_of)))
    view_cols = ["cancel_page_views_30d", "freeze_page_views_30d", "failed_payments_lookback"]
    feats[view_cols] = feats[view_cols].fillna(0)
    return feats
