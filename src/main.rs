fn main() {
    println!("plansite");
}
