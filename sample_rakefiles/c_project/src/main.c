#include <stdio.h>
#include "greet.h"
#include "mathx.h"

int main(void) {
    greet("pydrake");
    printf("6 * 7 = %d\n", times(6, 7));
    return 0;
}
