"""Away-win value model backtest. Features and bets both at Pinnacle closing odds."""
import yaml
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from odds import add_market_probs, flat_stake_pnl

FEATURES = ["mkt_a", "mkt_d", "overround", "elo_diff", "away_xg_l8", "away_xga_l8",
            "home_xg_l8", "home_xga_l8", "away_rest", "promoted_home", "promoted_away"]


def fit(frame, C):
    m = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))
    return m.fit(frame[FEATURES], frame["away_win"])


def roi_table(frame, p, grid):
    rows = []
    for e in grid:
        n, profit = flat_stake_pnl(p, frame.mkt_a.to_numpy(), frame.PSCA.to_numpy(),
                                   frame.away_win.to_numpy() == 1, e)
        rows.append({"edge": e, "bets": n, "profit": profit, "roi": profit / n if n else np.nan})
    return pd.DataFrame(rows)


def main():
    cfg = yaml.safe_load(open("backtest.yaml"))
    df = pd.read_csv(cfg["data"], parse_dates=["Date"]).dropna(subset=["PSCH", "PSCD", "PSCA"])
    df = add_market_probs(df)
    df["away_win"] = (df.FTR == "A").astype(int)
    df = df.dropna(subset=FEATURES)

    train = df[df.season.isin(cfg["train_seasons"])]
    val = df[df.season.isin(cfg["val_seasons"])]
    test = df[df.season.isin(cfg["test_seasons"])]

    model = fit(train, cfg["C"])
    p_val = model.predict_proba(val[FEATURES])[:, 1]
    print("val log loss model/market:", log_loss(val.away_win, p_val), log_loss(val.away_win, val.mkt_a))

    table = roi_table(val, p_val, cfg["edge_grid"])
    print(table.to_string(index=False))
    eligible = table[table.bets >= cfg["min_val_bets"]]
    edge = float(eligible.loc[eligible.roi.idxmax(), "edge"])
    print(f"edge threshold chosen on {cfg['val_seasons']}: {edge}")

    # refit on everything before the test period, threshold stays fixed
    model = fit(pd.concat([train, val]), cfg["C"])
    p_test = model.predict_proba(test[FEATURES])[:, 1]
    n, profit = flat_stake_pnl(p_test, test.mkt_a.to_numpy(), test.PSCA.to_numpy(),
                               test.away_win.to_numpy() == 1, edge)
    print(f"test {cfg['test_seasons'][0]}..{cfg['test_seasons'][-1]}: {n} bets, profit {profit:+.1f}u, "
          f"ROI {profit / max(n, 1):+.2%}, log loss {log_loss(test.away_win, p_test):.4f} "
          f"(market {log_loss(test.away_win, test.mkt_a):.4f})")


if __name__ == "__main__":
    main()
