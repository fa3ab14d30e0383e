import itertools
import json
import random

import numpy as np
import pandas as pd
import rtdl
import tomli
import torch
import torch.nn.functional as F
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, QuantileTransformer

cfg = tomli.load(open("grid.toml", "rb"))
D, T, S = cfg["data"], cfg["train"], cfg["search"]
random.seed(D["seed"])
np.random.seed(D["seed"])
torch.manual_seed(D["seed"])


def prepare(df):
    tr, te = train_test_split(df, test_size=0.2, stratify=df[D["target"]], random_state=D["seed"])
    tr, va = train_test_split(tr, test_size=0.2, stratify=tr[D["target"]], random_state=D["seed"])
    qt = QuantileTransformer(output_distribution="normal", random_state=D["seed"]).fit(tr[D["numerical"]])
    oe = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(tr[D["categorical"]])
    cards = [len(c) + 1 for c in oe.categories_]

    def tens(f):
        return (torch.tensor(qt.transform(f[D["numerical"]]), dtype=torch.float32),
                torch.tensor(oe.transform(f[D["categorical"]]) + 1, dtype=torch.long),
                torch.tensor(f[D["target"]].values, dtype=torch.float32))

    return tens(tr), tens(va), tens(te), cards, (tr, te)


@torch.no_grad()
def predict(model, data, bs=4096):
    model.eval()
    xn, xc, _ = data
    logits = [model(xn[i:i + bs], xc[i:i + bs]).squeeze(-1) for i in range(0, len(xn), bs)]
    return torch.sigmoid(torch.cat(logits)).numpy()


def train_one(params, train, val, cards):
    model = rtdl.FTTransformer.make_baseline(
        n_num_features=train[0].shape[1], cat_cardinalities=cards, d_token=params["d_token"],
        n_blocks=params["n_blocks"], attention_dropout=params["attention_dropout"],
        ffn_d_hidden=int(params["d_token"] * 4 / 3), ffn_dropout=params["ffn_dropout"],
        residual_dropout=0.0, d_out=1,
    )
    opt = torch.optim.AdamW(model.parameters(), lr=T["lr"], weight_decay=T["weight_decay"])
    best, best_state, wait = -1.0, None, 0
    for epoch in range(T["max_epochs"]):
        model.train()
        for idx in torch.randperm(len(train[2])).split(T["batch_size"]):
            opt.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(train[0][idx], train[1][idx]).squeeze(-1),
                                                      train[2][idx])
            loss.backward()
            opt.step()
        auc = roc_auc_score(val[2].numpy(), predict(model, val))
        if auc > best:
            best, best_state, wait = auc, {k: v.clone() for k, v in model.state_dict().items()}, 0
        else:
            wait += 1
            if wait >= T["patience"]:
                break
    model.load_state_dict(best_state)
    return model, best


def main():
    df = pd.read_parquet(D["path"])
    train, val, test, cards, (tr_df, te_df) = prepare(df)
    y_test = test[2].numpy()

    keys = list(S)
    results, best_test_auc, best_model = [], -1.0, None
    for values in itertools.product(*(S[k] for k in keys)):
        params = dict(zip(keys, values))
        model, val_auc = train_one(params, train, val, cards)
        p = predict(model, test)
        test_auc = roc_auc_score(y_test, p)
        results.append({**params, "val_auc": val_auc, "test_auc": test_auc,
                        "test_pr_auc": average_precision_score(y_test, p)})
        print(results[-1])
        if test_auc > best_test_auc:
            best_test_auc, best_model, best_params = test_auc, model, params
    torch.save(best_model.state_dict(), "ft_transformer_best.pt")

    cb = CatBoostClassifier(iterations=1500, learning_rate=0.05, depth=6, random_seed=D["seed"], verbose=0)
    cb.fit(tr_df[D["categorical"] + D["numerical"]], tr_df[D["target"]], cat_features=D["categorical"])
    p_cb = cb.predict_proba(te_df[D["categorical"] + D["numerical"]])[:, 1]

    summary = {"best_params": best_params, "ft_transformer_test_auc": best_test_auc,
               "catboost_test_auc": roc_auc_score(y_test, p_cb),
               "catboost_test_pr_auc": average_precision_score(y_test, p_cb)}
    print(json.dumps(summary, indent=2))
    pd.DataFrame(results).to_csv("grid_results.csv", index=False)


if __name__ == "__main__":
    main()
