import os

import dgl
import torch
import torch.nn.functional as F
import wandb
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from linkdgl.model import SAGEEncoder, degree_product, score_pairs
from linkdgl.split import split_undirected_edges
from linkdgl.utils import seed_everything, wandb_settings


def auc_ap(pos_scores, neg_scores):
    scores = torch.cat([pos_scores, neg_scores]).detach().cpu().numpy()
    labels = torch.cat([torch.ones_like(pos_scores), torch.zeros_like(neg_scores)]).cpu().numpy()
    return {"auc": roc_auc_score(labels, scores), "ap": average_precision_score(labels, scores)}


@torch.no_grad()
def evaluate(model, train_g, pos, neg):
    model.eval()
    h = model(train_g, train_g.ndata["feat"])
    return auc_ap(score_pairs(h, pos), score_pairs(h, neg))


def main(cfg):
    rng = seed_everything(cfg["seed"])
    api_key, mode = wandb_settings()
    if api_key:
        wandb.login(key=api_key)
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg, mode=mode)

    g = dgl.data.PubmedGraphDataset()[0]
    train_g, pos, neg = split_undirected_edges(g, cfg["split"]["val_frac"], cfg["split"]["test_frac"], rng)
    model = SAGEEncoder(g.ndata["feat"].shape[1], cfg["model"]["hidden"], cfg["model"]["out"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    ckpt = cfg["train"]["checkpoint"]
    os.makedirs(os.path.dirname(ckpt), exist_ok=True)

    best_auc, bad = 0.0, 0
    n_train = len(pos["train"][0])
    for epoch in range(1, cfg["train"]["epochs"] + 1):
        model.train()
        h = model(train_g, train_g.ndata["feat"])
        neg_train = dgl.sampling.global_uniform_negative_sampling(train_g, n_train, exclude_self_loops=True)
        p, n = score_pairs(h, pos["train"]), score_pairs(h, neg_train)
        loss = F.binary_cross_entropy_with_logits(torch.cat([p, n]),
                                                  torch.cat([torch.ones_like(p), torch.zeros_like(n)]))
        opt.zero_grad()
        loss.backward()
        opt.step()

        val = evaluate(model, train_g, pos["val"], neg["val"])
        run.log({"epoch": epoch, "loss": loss.item(), "val_auc": val["auc"], "val_ap": val["ap"]})
        if val["auc"] > best_auc:
            best_auc, bad = val["auc"], 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(ckpt))
    test = evaluate(model, train_g, pos["test"], neg["test"])
    baseline = auc_ap(degree_product(train_g, pos["test"]), degree_product(train_g, neg["test"]))
    run.summary.update({"test_auc": test["auc"], "test_ap": test["ap"],
                        "pa_test_auc": baseline["auc"], "pa_test_ap": baseline["ap"]})
    print(f"SAGE test AUC {test['auc']:.4f} AP {test['ap']:.4f} | "
          f"pref. attachment AUC {baseline['auc']:.4f} AP {baseline['ap']:.4f}")
    run.finish()


if __name__ == "__main__":
    with open("config.yaml") as fh:
        main(yaml.safe_load(fh))
