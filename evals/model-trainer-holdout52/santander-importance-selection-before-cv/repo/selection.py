"""Feature ranking helpers."""
import pandas as pd
import xgboost as xgb


def gain_importance(X, y, params, rounds=600):
    dtrain = xgb.DMatrix(X, label=y)
    booster = xgb.train(params, dtrain, num_boost_round=rounds)
    gain = booster.get_score(importance_type="total_gain")
    return pd.Series(gain).reindex(X.columns).fillna(0.0).sort_values(ascending=False)


def select_by_importance(X, y, params, top_k=120, rounds=600):
    ranking = gain_importance(X, y, params, rounds=rounds)
    ranking.to_csv("feature_ranking.csv", header=["total_gain"])
    return ranking.index[:top_k].tolist()
