import json

import numpy as np
import torch
from transformers import (EarlyStoppingCallback, PatchTSTConfig, PatchTSTForPrediction, Trainer,
                          TrainingArguments, set_seed)

from tempcast.data import ChannelScaler, WindowDataset, load_network
from tempcast.settings import SETTINGS as S


def evaluate_t2m(model, dataset, scaler, t2m_cols, device):
    model.eval()
    errs, persist_errs = [], []
    loader = torch.utils.data.DataLoader(dataset, batch_size=128)
    with torch.no_grad():
        for batch in loader:
            past = batch["past_values"].to(device)
            out = model(past_values=past).prediction_outputs.cpu().numpy()
            truth = batch["future_values"].numpy()
            pred = scaler.inverse_transform(out)[..., t2m_cols]
            obs = scaler.inverse_transform(truth)[..., t2m_cols]
            same_hour_yday = scaler.inverse_transform(batch["past_values"].numpy())[:, -24:, t2m_cols]
            persist = np.concatenate([same_hour_yday, same_hour_yday], axis=1)[:, :S.prediction_length]
            errs.append(pred - obs)
            persist_errs.append(persist - obs)
    errs, persist_errs = np.concatenate(errs), np.concatenate(persist_errs)
    return {
        "rmse": float(np.sqrt(np.mean(errs ** 2))),
        "mae": float(np.mean(np.abs(errs))),
        "persistence_rmse": float(np.sqrt(np.mean(persist_errs ** 2))),
        "persistence_mae": float(np.mean(np.abs(persist_errs))),
    }


def main():
    set_seed(S.seed)
    wide = load_network(S.data_path, S.stations, S.variables)
    columns = list(wide.columns)
    t2m_cols = [i for i, (var, _) in enumerate(columns) if var == "t2m"]

    train_df = wide.loc[:S.train_end]
    valid_df = wide.loc[S.train_end:S.valid_end].iloc[1:]
    test_df = wide.loc[S.valid_end:].iloc[1:]

    scaler = ChannelScaler().fit(train_df.to_numpy())
    make = lambda frame, stride: WindowDataset(scaler.transform(frame.to_numpy()),
                                               S.context_length, S.prediction_length, stride)
    train_ds, valid_ds, test_ds = make(train_df, 1), make(valid_df, 24), make(test_df, 24)

    config = PatchTSTConfig(
        num_input_channels=len(columns),
        context_length=S.context_length,
        prediction_length=S.prediction_length,
        patch_length=S.patch_length,
        patch_stride=S.patch_stride,
        d_model=128,
        num_attention_heads=8,
        num_hidden_layers=3,
        ffn_dim=256,
        dropout=0.2,
        head_dropout=0.2,
        scaling=None,
        loss="mse",
    )
    model = PatchTSTForPrediction(config)

    args = TrainingArguments(
        output_dir=S.output_dir,
        per_device_train_batch_size=64,
        per_device_eval_batch_size=128,
        learning_rate=5e-4,
        num_train_epochs=40,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="eval_loss",
        greater_is_better=False,
        save_total_limit=2,
        seed=S.seed,
        report_to="none",
        push_to_hub=S.push_to_hub,
        hub_model_id=S.hub_model_id,
        hub_token=S.hub_token,
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=train_ds, eval_dataset=valid_ds,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=5)],
    )
    trainer.train()

    device = trainer.model.device
    metrics = evaluate_t2m(trainer.model, test_ds, scaler, t2m_cols, device)
    print(json.dumps(metrics, indent=2))
    with open(f"{S.output_dir}/test_metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)
    if S.push_to_hub:
        trainer.push_to_hub(commit_message="PatchTST t2m 48h, test metrics in model card")


if __name__ == "__main__":
    main()
