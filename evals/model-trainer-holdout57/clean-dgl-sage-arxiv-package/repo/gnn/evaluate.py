import torch
from dgl.dataloading import DataLoader, NeighborSampler
from sklearn.metrics import accuracy_score, f1_score


def evaluate(model, g, nids, fanouts, device, batch_size=4096):
    """Accuracy and macro-F1 on the given node ids (sampled neighbourhoods, eval mode)."""
    was_training = model.training
    model.eval()
    sampler = NeighborSampler(fanouts)
    loader = DataLoader(g, nids, sampler, batch_size=batch_size, shuffle=False, drop_last=False)
    preds, labels = [], []
    with torch.no_grad():
        for _, output_nodes, blocks in loader:
            blocks = [b.to(device) for b in blocks]
            logits = model(blocks, blocks[0].srcdata["feat"])
            preds.append(logits.argmax(1).cpu())
            labels.append(blocks[-1].dstdata["label"].cpu())
    model.train(was_training)
    y_pred, y_true = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return {"acc": accuracy_score(y_true, y_pred), "macro_f1": f1_score(y_true, y_pred, average="macro")}
