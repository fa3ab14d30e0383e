"""Fine-tune TrOCR on scanned handwritten claim-form lines and push the best model to the Hub."""
import os

import evaluate
import pandas as pd
import torch
from datasets import Dataset, Image
from transformers import (
    EarlyStoppingCallback,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    TrOCRProcessor,
    VisionEncoderDecoderModel,
    default_data_collator,
    set_seed,
)

WANDB_PROJECT = "claims-htr"
os.environ["WANDB_API_KEY"] = "aeb6f25b6bf02f95e0ac1c637570290689327c99"
HF_TOKEN = "hf_p4otmrAAAmMyvExXsxXF7OJVtBr29wsix9"
HUB_REPO = "acme-docai/trocr-base-claims-handwritten"

BASE = "microsoft/trocr-base-handwritten"
SEED = 17
MAX_TARGET_LEN = 96

set_seed(SEED)
processor = TrOCRProcessor.from_pretrained(BASE)
cer_metric = evaluate.load("cer")
wer_metric = evaluate.load("wer")


def load_split(name):
    # manifests are produced by scripts/make_splits.py, split by claim form (not by line)
    df = pd.read_csv(f"data/lines/{name}.csv")
    ds = Dataset.from_dict({"image": df["image_path"].tolist(), "text": df["transcript"].tolist()})
    return ds.cast_column("image", Image())


def preprocess(batch):
    pixel_values = processor(images=[im.convert("RGB") for im in batch["image"]],
                             return_tensors="pt").pixel_values
    labels = processor.tokenizer(batch["text"], padding="max_length", max_length=MAX_TARGET_LEN,
                                 truncation=True).input_ids
    labels = [[t if t != processor.tokenizer.pad_token_id else -100 for t in seq] for seq in labels]
    return {"pixel_values": pixel_values, "labels": labels}


def compute_metrics(pred):
    label_ids = pred.label_ids
    label_ids[label_ids == -100] = processor.tokenizer.pad_token_id
    pred_str = processor.batch_decode(pred.predictions, skip_special_tokens=True)
    ref_str = processor.batch_decode(label_ids, skip_special_tokens=True)
    return {
        "cer": cer_metric.compute(predictions=pred_str, references=ref_str),
        "wer": wer_metric.compute(predictions=pred_str, references=ref_str),
    }


splits = {s: load_split(s).map(preprocess, batched=True, batch_size=32, remove_columns=["image", "text"])
          for s in ("train", "val", "test")}

model = VisionEncoderDecoderModel.from_pretrained(BASE)
model.config.decoder_start_token_id = processor.tokenizer.cls_token_id
model.config.pad_token_id = processor.tokenizer.pad_token_id
model.config.eos_token_id = processor.tokenizer.sep_token_id
model.generation_config.max_length = MAX_TARGET_LEN
model.generation_config.num_beams = 4

args = Seq2SeqTrainingArguments(
    output_dir="runs/trocr-claims",
    per_device_train_batch_size=16,
    per_device_eval_batch_size=16,
    learning_rate=3e-5,
    num_train_epochs=20,
    warmup_steps=500,
    fp16=torch.cuda.is_available(),
    predict_with_generate=True,
    evaluation_strategy="steps",
    eval_steps=500,
    save_steps=500,
    save_total_limit=3,
    load_best_model_at_end=True,
    metric_for_best_model="cer",
    greater_is_better=False,
    logging_steps=50,
    report_to="wandb",
    run_name="trocr-base-claims",
    push_to_hub=True,
    hub_model_id=HUB_REPO,
    hub_token=HF_TOKEN,
    hub_private_repo=True,
    seed=SEED,
)

trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=splits["train"],
    eval_dataset=splits["val"],
    data_collator=default_data_collator,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=5)],
)

zero_shot = trainer.evaluate(splits["val"], metric_key_prefix="zeroshot_val")
print("pretrained checkpoint, no fine-tuning:", zero_shot)
trainer.train()
test_metrics = trainer.evaluate(splits["test"], metric_key_prefix="test")
print(test_metrics)
trainer.push_to_hub(commit_message=f"test CER {test_metrics['test_cer']:.4f}")
processor.push_to_hub(HUB_REPO, token=HF_TOKEN, private=True)
