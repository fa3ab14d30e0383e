import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

from settings import Settings

ROLL = ["reb", "oreb", "dreb", "min", "reb_chances", "fga"]


def build_features(box):
    box = box.sort_values(["player_id", "game_date"]).copy()
    by_player = box.groupby("player_id")
    for c in ROLL:
        prior = by_player[c].shift(1)
        box[f"{c}_l5"] = prior.groupby(box.player_id).transform(lambda s: s.rolling(5, min_periods=2).mean())
        box[f"{c}_l15"] = prior.groupby(box.player_id).transform(lambda s: s.rolling(15, min_periods=5).mean())
    box["starter"] = box["starter"].astype(int)
    feats = [f"{c}_l{w}" for c in ROLL for w in (5, 15)] + ["opp_dreb_pct_prev_season", "starter", "is_home",
                                                            "team_spread", "game_total"]
    return box.dropna(subset=feats), feats


def main():
    s = Settings()
    if s.wandb_api_key:
        wandb.login(key=s.wandb_api_key)
    run = wandb.init(project=s.wandb_project, entity=s.wandb_entity,
                     config={k: v for k, v in vars(s).items() if k != "wandb_api_key"},
                     mode="online" if s.wandb_api_key else "offline")

    box, feats = build_features(pd.read_parquet(s.data_path))
    train = box[box.game_date < s.valid_start]
    valid = box[(box.game_date >= s.valid_start) & (box.game_date < s.test_start)]
    test = box[box.game_date >= s.test_start]

    model = xgb.XGBRegressor(**s.xgb, random_state=s.seed)
    model.fit(train[feats], train[s.target], eval_set=[(valid[feats], valid[s.target])], verbose=250)

    pred = model.predict(test[feats])
    mae = mean_absolute_error(test[s.target], pred)
    mae_l15 = mean_absolute_error(test[s.target], test["reb_l15"])
    print(f"best_iteration {model.best_iteration} | test MAE {mae:.3f} (last-15 baseline {mae_l15:.3f})")
    wandb.log({"test_mae": mae, "baseline_mae_l15": mae_l15, "best_iteration": model.best_iteration,
               "n_train": len(train), "n_test": len(test)})
    model.save_model("reb_xgb.json")
    run.finish()


if __name__ == "__main__":
    main()
