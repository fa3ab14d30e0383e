import optuna
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score

from .features import CAT_COLS, NUM_COLS, TARGET


def make_objective(train_df, eval_df, seed):
    cols = CAT_COLS + NUM_COLS
    X_a, y_a = train_df[cols], train_df[TARGET]
    X_b, y_b = eval_df[cols], eval_df[TARGET]

    def objective(trial: optuna.Trial) -> float:
        params = {
            "depth": trial.suggest_int("depth", 4, 9),
            "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
            "l2_leaf_reg": trial.suggest_float("l2_leaf_reg", 1.0, 20.0, log=True),
            "iterations": trial.suggest_int("iterations", 300, 1500, step=100),
            "auto_class_weights": trial.suggest_categorical("auto_class_weights", [None, "SqrtBalanced"]),
        }
        clf = CatBoostClassifier(**params, cat_features=CAT_COLS, random_seed=seed, verbose=0)
        clf.fit(X_a, y_a)
        return average_precision_score(y_b, clf.predict_proba(X_b)[:, 1])

    return objective


def run_study(train_df, eval_df, seed, n_trials):
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    study.optimize(make_objective(train_df, eval_df, seed), n_trials=n_trials)
    return study
