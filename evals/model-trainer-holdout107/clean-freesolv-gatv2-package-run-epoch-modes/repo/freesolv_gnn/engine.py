import torch
import torch.nn.functional as F


def run_epoch(model, loader, device, optimizer=None, y_mean=0.0, y_std=1.0):
    """One pass over `loader`. Trains if an optimizer is given, otherwise only evaluates."""
    training = optimizer is not None
    model.train(training)
    preds, targets, losses = [], [], []
    with torch.set_grad_enabled(training):
        for batch in loader:
            batch = batch.to(device)
            out = model(batch)
            loss = F.mse_loss(out, (batch.y - y_mean) / y_std)
            if training:
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
            losses.append(loss.item() * batch.num_graphs)
            preds.append(out.detach() * y_std + y_mean)
            targets.append(batch.y)
    pred, true = torch.cat(preds), torch.cat(targets)
    return {
        "loss": sum(losses) / len(true),
        "rmse": torch.sqrt(F.mse_loss(pred, true)).item(),
        "mae": F.l1_loss(pred, true).item(),
    }
