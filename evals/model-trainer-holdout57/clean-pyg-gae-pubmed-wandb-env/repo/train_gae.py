"""Graph auto-encoder link prediction on PubMed (PyG RandomLinkSplit), tracked in W&B."""
import argparse
import os

import torch
import torch.nn.functional as F
import torch_geometric.transforms as T
import wandb
from sklearn.metrics import average_precision_score, roc_auc_score
from torch_geometric import seed_everything
from torch_geometric.datasets import Planetoid
from torch_geometric.nn import GAE, GCNConv


class Encoder(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim):
        super().__init__()
        self.conv1 = GCNConv(in_dim, hidden)
        self.conv2 = GCNConv(hidden, out_dim)

    def forward(self, x, edge_index):
        return self.conv2(F.relu(self.conv1(x, edge_index)), edge_index)


def train_step(model, optimizer, data):
    model.train()
    optimizer.zero_grad()
    z = model.encode(data.x, data.edge_index)
    loss = model.recon_loss(z, data.pos_edge_label_index)
    loss.backward()
    optimizer.step()
    return loss.item()


@torch.no_grad()
def evaluate(model, data):
    model.eval()
    z = model.encode(data.x, data.edge_index)
    auc, ap = model.test(z, data.pos_edge_label_index, data.neg_edge_label_index)
    return {"auc": auc, "ap": ap}


@torch.no_grad()
def cosine_baseline(data):
    x = F.normalize(data.x, dim=-1)
    pos, neg = data.pos_edge_label_index, data.neg_edge_label_index
    s = torch.cat([(x[pos[0]] * x[pos[1]]).sum(-1), (x[neg[0]] * x[neg[1]]).sum(-1)]).cpu()
    y = torch.cat([torch.ones(pos.size(1)), torch.zeros(neg.size(1))])
    return {"auc": roc_auc_score(y, s), "ap": average_precision_score(y, s)}


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project=os.environ.get("WANDB_PROJECT", "gae-linkpred"), config=vars(args))

    transform = T.Compose([
        T.NormalizeFeatures(),
        T.ToDevice(device),
        T.RandomLinkSplit(num_val=0.05, num_test=0.1, is_undirected=True,
                          split_labels=True, add_negative_train_samples=False),
    ])
    dataset = Planetoid(args.root, "PubMed", transform=transform)
    train_data, val_data, test_data = dataset[0]

    model = GAE(Encoder(dataset.num_features, 2 * args.latent, args.latent)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_auc, wait = 0.0, 0
    for epoch in range(1, args.epochs + 1):
        loss = train_step(model, optimizer, train_data)
        val = evaluate(model, val_data)
        run.log({"epoch": epoch, "loss": loss, "val_auc": val["auc"], "val_ap": val["ap"]})
        if val["auc"] > best_auc:
            best_auc, wait = val["auc"], 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test = evaluate(model, test_data)
    base = cosine_baseline(test_data)
    run.summary.update({"test_auc": test["auc"], "test_ap": test["ap"],
                        "baseline_test_auc": base["auc"], "baseline_test_ap": base["ap"]})
    print(f"GAE      test AUC {test['auc']:.4f} AP {test['ap']:.4f}")
    print(f"cosine   test AUC {base['auc']:.4f} AP {base['ap']:.4f}")
    run.finish()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/Planetoid")
    p.add_argument("--latent", type=int, default=16)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--epochs", type=int, default=400)
    p.add_argument("--patience", type=int, default=40)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--ckpt", default="gae_pubmed.pt")
    main(p.parse_args())
