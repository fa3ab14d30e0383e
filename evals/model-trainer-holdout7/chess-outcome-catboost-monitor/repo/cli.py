import json
import tomllib

import numpy as np
import typer
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import accuracy_score, f1_score, log_loss

from chessml import data, features

app = typer.Typer(add_completion=False)


@app.command()
def train(config: str = "config/chess.toml") -> None:
    with open(config, "rb") as fh:
        cfg = tomllib.load(fh)
    games = data.load(cfg["data"]["games"], cfg["data"]["min_rating"])
    parts = data.three_way(games, cfg["data"]["test_size"], cfg["data"]["valid_size"], cfg["data"]["seed"])

    cats = cfg["features"]["categorical"] + ["opening_line"]
    pools = {
        name: Pool(features.build(df, cfg["features"]["n_opening_plies"]), features.label(df),
                   cat_features=cats, text_features=None)
        for name, df in parts.items()
    }

    tr = cfg["training"]
    model = CatBoostClassifier(
        loss_function="MultiClass", iterations=tr["iterations"], learning_rate=tr["learning_rate"],
        depth=tr["depth"], l2_leaf_reg=tr["l2_leaf_reg"], od_type="Iter", od_wait=tr["od_wait"],
        random_seed=cfg["data"]["seed"], verbose=250,
    )
    model.fit(pools["train"], eval_set=pools[tr["monitor_split"]], use_best_model=True)

    test_pool = pools["test"]
    y = test_pool.get_label().astype(int)
    proba = model.predict_proba(test_pool)
    elo = features.build(parts["test"], 0)["elo_expect"].to_numpy()
    # naive Elo baseline: empirical draw rate from training games, remainder split by expectation
    draw_rate = float(np.mean(pools["train"].get_label().astype(int) == 1))
    base = np.column_stack([elo * (1 - draw_rate), np.full_like(elo, draw_rate), (1 - elo) * (1 - draw_rate)])
    report = {
        "best_iteration": model.get_best_iteration(),
        "logloss": log_loss(y, proba, labels=[0, 1, 2]),
        "logloss_elo_baseline": log_loss(y, base, labels=[0, 1, 2]),
        "macro_f1": f1_score(y, proba.argmax(1), average="macro"),
        "accuracy": accuracy_score(y, proba.argmax(1)),
    }
    typer.echo(json.dumps(report, indent=2))
    model.save_model(cfg["output"]["model_path"])


if __name__ == "__main__":
    app()
