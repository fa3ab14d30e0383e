"""NeuMF on MovieLens-1M with the leave-last-out HR@10 / NDCG@10 protocol."""
import random
import sys

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader, TensorDataset

from ncf.data import leave_last_out, load_ml1m, sample_eval_negatives, sample_training_examples, user_positive_sets
from ncf.evaluate import hit_ndcg_at_k, popularity_hit_ndcg
from ncf.model import NeuMF


def main(config_path="config.yaml"):
    with open(config_path) as fh:
        cfg = yaml.safe_load(fh)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ratings = load_ml1m(cfg["ratings_path"])
    n_users, n_items = ratings["user"].nunique(), ratings["item"].nunique()
    train, valid, test = leave_last_out(ratings)
    train_pos = user_positive_sets(train)
    all_pos = user_positive_sets(ratings)
    valid_eval = sample_eval_negatives(valid, all_pos, n_items, cfg["num_neg_eval"], rng)
    test_eval = sample_eval_negatives(test, all_pos, n_items, cfg["num_neg_eval"], rng)

    model = NeuMF(n_users, n_items, cfg["mf_dim"], cfg["mlp_layers"], cfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])

    best_ndcg, bad_epochs = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        u, i, y = sample_training_examples(train, train_pos, n_items, cfg["num_neg_train"], rng)
        loader = DataLoader(TensorDataset(torch.as_tensor(u), torch.as_tensor(i), torch.as_tensor(y)),
                            batch_size=cfg["batch_size"], shuffle=True)
        total = 0.0
        for bu, bi, by in loader:
            bu, bi, by = bu.to(device), bi.to(device), by.to(device)
            optimizer.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(bu, bi), by)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(by)

        hr, ndcg = hit_ndcg_at_k(model, *valid_eval, device, k=cfg["k"])
        print(f"epoch {epoch:02d} loss={total / len(y):.4f} val HR@{cfg['k']}={hr:.4f} NDCG@{cfg['k']}={ndcg:.4f}")
        if ndcg > best_ndcg:
            best_ndcg, bad_epochs = ndcg, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    hr, ndcg = hit_ndcg_at_k(model, *test_eval, device, k=cfg["k"])
    counts = np.bincount(train["item"].to_numpy(), minlength=n_items)
    pop_hr, pop_ndcg = popularity_hit_ndcg(counts, test_eval[1], test_eval[2], k=cfg["k"])
    print(f"test NeuMF      HR@{cfg['k']}={hr:.4f} NDCG@{cfg['k']}={ndcg:.4f}")
    print(f"test popularity HR@{cfg['k']}={pop_hr:.4f} NDCG@{cfg['k']}={pop_ndcg:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
