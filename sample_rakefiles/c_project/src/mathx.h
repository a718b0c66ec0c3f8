int times(int a, int b);
