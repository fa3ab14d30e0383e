import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_epoch(model, loader, optimizer, device):
    model.train()
    total_loss, total = 0.0, 0
    for batch in loader:
        batch = batch.to(device)
        optimizer.zero_grad()
        out = model(batch.x, batch.edge_index)[: batch.batch_size]
        loss = F.cross_entropy(out, batch.y[: batch.batch_size])
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * batch.batch_size
        total += batch.batch_size
    return total_loss / total


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, preds = [], []
    for batch in loader:
        batch = batch.to(device)
        out = model(batch.x, batch.edge_index)[: batch.batch_size]
        preds.append(out.argmax(dim=-1).cpu())
        ys.append(batch.y[: batch.batch_size].cpu())
    y, p = torch.cat(ys).numpy(), torch.cat(preds).numpy()
    return {"acc": accuracy_score(y, p), "macro_f1": f1_score(y, p, average="macro")}
