"""Pre-match features. Every team statistic is lagged by one match."""
import numpy as np
import pandas as pd


def _long(fx: pd.DataFrame) -> pd.DataFrame:
    h = fx.assign(team=fx.home_team, gf=fx.fthg, ga=fx.ftag, sot_f=fx.hst, sot_a=fx.ast, home=1)
    a = fx.assign(team=fx.away_team, gf=fx.ftag, ga=fx.fthg, sot_f=fx.ast, sot_a=fx.hst, home=0)
    long = pd.concat([h, a])[["match_id", "date", "team", "home", "gf", "ga", "sot_f", "sot_a"]]
    long["pts"] = np.select([long.gf > long.ga, long.gf == long.ga], [3, 1], 0)
    return long.sort_values(["team", "date", "match_id"]).reset_index(drop=True)


def team_form(fx: pd.DataFrame, windows) -> pd.DataFrame:
    long = _long(fx)
    cols = []
    for w in windows:
        for c in ["pts", "gf", "ga", "sot_f", "sot_a"]:
            name = f"{c}_l{w}"
            long[name] = long.groupby("team")[c].transform(
                lambda s, w=w: s.shift(1).rolling(w, min_periods=1).mean()
            )
            cols.append(name)
    wide_h = long[long.home == 1].set_index("match_id")[cols].add_prefix("h_")
    wide_a = long[long.home == 0].set_index("match_id")[cols].add_prefix("a_")
    out = fx.join(wide_h, on="match_id").join(wide_a, on="match_id")
    for w in windows:
        out[f"pts_diff_l{w}"] = out[f"h_pts_l{w}"] - out[f"a_pts_l{w}"]
    return out


def market_probs(fx: pd.DataFrame) -> pd.DataFrame:
    inv = 1.0 / fx[["psch", "pscd", "psca"]]
    probs = inv.div(inv.sum(axis=1), axis=0)
    probs.columns = ["mkt_h", "mkt_d", "mkt_a"]
    return fx.join(probs)
