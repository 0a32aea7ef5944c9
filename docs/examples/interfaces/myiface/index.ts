import { MyProvides } from './provides';
import { MyRequires } from './requires';

export { MyProvides, MyRequires };
export const requires = MyRequires;
export const provides = MyProvides;
