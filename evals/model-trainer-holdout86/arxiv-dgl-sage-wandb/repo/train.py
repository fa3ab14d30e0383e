import os

import dgl
import numpy as np
import torch
import torch.nn.functional as F
import wandb
from dgl.dataloading import DataLoader, NeighborSampler
from ogb.nodeproppred import DglNodePropPredDataset, Evaluator
from sklearn.metrics import f1_score

import config
from model import SAGE


def make_loader(g, nids, sampler, shuffle):
    return DataLoader(g, nids, sampler, batch_size=config.BATCH_SIZE, shuffle=shuffle,
                      drop_last=False, num_workers=0)


@torch.no_grad()
def evaluate(model, loader, labels):
    model.eval()
    preds, ys = [], []
    for _, output_nodes, blocks in loader:
        x = blocks[0].srcdata["feat"]
        preds.append(model(blocks, x).argmax(dim=1).cpu())
        ys.append(labels[output_nodes].cpu())
    return torch.cat(preds), torch.cat(ys)


def main():
    torch.manual_seed(config.SEED)
    np.random.seed(config.SEED)
    dgl.seed(config.SEED)

    wandb.login(key=config.WANDB_API_KEY)
    run = wandb.init(project=config.PROJECT, entity=config.ENTITY,
                     config={k: v for k, v in vars(config).items() if k.isupper() and "KEY" not in k})

    dataset = DglNodePropPredDataset(name=config.DATASET, root=config.DATA_ROOT)
    g, labels = dataset[0]
    labels = labels.squeeze()
    g = dgl.add_self_loop(dgl.to_bidirected(g, copy_ndata=True))
    split = dataset.get_idx_split()
    evaluator = Evaluator(name=config.DATASET)

    sampler = NeighborSampler(config.FANOUTS)
    train_loader = make_loader(g, split["train"], sampler, shuffle=True)
    val_loader = make_loader(g, split["valid"], sampler, shuffle=False)
    test_loader = make_loader(g, split["test"], sampler, shuffle=False)

    model = SAGE(g.ndata["feat"].shape[1], config.HIDDEN, dataset.num_classes,
                 n_layers=len(config.FANOUTS), dropout=config.DROPOUT)
    opt = torch.optim.Adam(model.parameters(), lr=config.LR)
    os.makedirs(os.path.dirname(config.CHECKPOINT), exist_ok=True)

    best_val, bad = 0.0, 0
    for epoch in range(config.EPOCHS):
        model.train()
        total = 0.0
        for _, output_nodes, blocks in train_loader:
            x = blocks[0].srcdata["feat"]
            loss = F.cross_entropy(model(blocks, x), labels[output_nodes])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        pred, y = evaluate(model, val_loader, labels)
        val_acc = evaluator.eval({"y_true": y[:, None], "y_pred": pred[:, None]})["acc"]
        wandb.log({"epoch": epoch, "train_loss": total / len(train_loader), "val_acc": val_acc})
        if val_acc > best_val:
            best_val, bad = val_acc, 0
            torch.save(model.state_dict(), config.CHECKPOINT)
        else:
            bad += 1
            if bad >= config.PATIENCE:
                break

    model.load_state_dict(torch.load(config.CHECKPOINT))
    pred, y = evaluate(model, test_loader, labels)
    test_acc = evaluator.eval({"y_true": y[:, None], "y_pred": pred[:, None]})["acc"]
    test_f1 = f1_score(y.numpy(), pred.numpy(), average="macro")
    wandb.log({"best_val_acc": best_val, "test_acc": test_acc, "test_macro_f1": test_f1})
    print(f"val {best_val:.4f} test acc {test_acc:.4f} macro-F1 {test_f1:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
