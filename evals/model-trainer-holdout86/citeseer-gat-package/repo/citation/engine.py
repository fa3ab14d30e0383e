import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score


def train_one_epoch(model, data, optimizer):
    model.train()
    optimizer.zero_grad()
    out = model(data.x, data.edge_index)
    loss = F.cross_entropy(out[data.train_mask], data.y[data.train_mask])
    loss.backward()
    optimizer.step()
    return loss.item()


def evaluate(model, data, mask):
    out = model(data.x, data.edge_index)
    loss = F.cross_entropy(out[mask], data.y[mask]).item()
    pred = out[mask].argmax(dim=-1)
    y = data.y[mask]
    acc = (pred == y).float().mean().item()
    macro_f1 = f1_score(y.cpu().numpy(), pred.cpu().numpy(), average="macro")
    return {"loss": loss, "acc": acc, "macro_f1": macro_f1}


def fit(model, data, optimizer, epochs, patience, checkpoint, log_every=50):
    best_val_loss, bad_epochs = float("inf"), 0
    for epoch in range(1, epochs + 1):
        train_loss = train_one_epoch(model, data, optimizer)
        val = evaluate(model, data, data.val_mask)
        if val["loss"] < best_val_loss:
            best_val_loss, bad_epochs = val["loss"], 0
            torch.save(model.state_dict(), checkpoint)
        else:
            bad_epochs += 1
        if epoch % log_every == 0:
            print(f"[{epoch:04d}] train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
                  f"val_acc={val['acc']:.4f}")
        if bad_epochs >= patience:
            break
    model.load_state_dict(torch.load(checkpoint))
    return model
